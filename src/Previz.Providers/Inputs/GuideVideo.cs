using Previz.Core.Catalog;

namespace Previz.Providers.Inputs;

/// <summary>A rendered guide video (H.264 MP4) of a shot, made to a model's limits.</summary>
/// <param name="Content">The MP4 file.</param>
/// <param name="Pass">The Direct Render pass it shows.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Timing">Frame rate and frame count.</param>
public sealed record GuideVideo(ReadOnlyMemory<byte> Content, GuidePass Pass, int Width, int Height, GuideTiming Timing)
{
    public const string ContentType = "video/mp4";

    /// <summary>The name it is sent under (<c>guide-depth.mp4</c>).</summary>
    public string FileName => $"guide-{Pass.ToString().ToLowerInvariant()}.mp4";

    /// <summary>Describes the video without its bytes.</summary>
    public override string ToString() => $"GuideVideo {{ {Pass} {Width}x{Height}, {Timing}, {Content.Length} bytes }}";
}
