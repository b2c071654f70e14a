namespace Previz.Providers.Hosting;

/// <summary>Video or still image.</summary>
public enum MediaKind
{
    /// <summary>A video file (MP4/MOV or WebM/Matroska).</summary>
    Video,

    /// <summary>A still image (PNG, JPEG, WebP, GIF).</summary>
    Image,
}
