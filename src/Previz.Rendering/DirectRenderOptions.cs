using Previz.Rendering.Rasterizing;
using Previz.Rendering.Video;

namespace Previz.Rendering;

/// <summary>Settings of a Direct Render beyond the scene, shot, pass and size: the rasterizer's and ffmpeg's.</summary>
public sealed record DirectRenderOptions
{
    /// <summary>The rasterizer's options; unless they set <see cref="FrameRendererOptions.MaxDegreeOfParallelism"/>, Direct Render renders on one thread and leaves the other cores to x264.</summary>
    public FrameRendererOptions Renderer { get; init; } = FrameRendererOptions.Default;

    public FfmpegOptions Ffmpeg { get; init; } = FfmpegOptions.Default;

    public static DirectRenderOptions Default { get; } = new();
}
