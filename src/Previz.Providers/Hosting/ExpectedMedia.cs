namespace Previz.Providers.Hosting;

/// <summary>What a fetched result must be.</summary>
public enum ExpectedMedia
{
    /// <summary>Only a video is acceptable.</summary>
    Video,

    /// <summary>Only a still image is acceptable.</summary>
    Image,

    /// <summary>Either.</summary>
    VideoOrImage,
}
