using Previz.Core.Catalog;
using Previz.Core.Scenes;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;

namespace Previz.Providers.Inputs;

/// <summary>
/// Renders the guide video a model asks for: its pass of the shot, at the request's frame size held to the model's
/// longest edge and framed for the request's aspect, at the frame rate and count chosen for the shot, encoded to MP4 by Direct Render (through the one media
/// boundary) into a temporary file that is read and removed.
/// </summary>
public static class GuideVideoRenderer
{
    /// <summary>
    /// x264's fastest preset: a guide video is read once by the model it is uploaded to, so the CPU it costs matters
    /// more than its size (a few hundred kilobytes for a few seconds of a guide pass).
    /// </summary>
    private static readonly DirectRenderOptions GuideOptions = new() { Ffmpeg = Rendering.Video.FfmpegOptions.Default with { Preset = "ultrafast" } };

    public static async Task<GuideVideo> RenderAsync(
        SceneDocument scene, Shot shot, GuideVideoSpec spec, GuideTiming timing, AspectRatio aspect, int width, int height, DirectRenderOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shot);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(timing);
        options ??= GuideOptions;
        var size = Fit(width, height, spec.MaxLongEdge, spec.SizeStep);
        // The camera framed for the output's aspect (its sensor fit decides how), never a stretched picture.
        shot = Math.Abs(Math.Log(shot.Aspect.Value / aspect.Value)) < 0.01 ? shot : shot with { Aspect = aspect };
        var folder = Directory.CreateTempSubdirectory("previz-guide-").FullName;
        try
        {
            var path = Path.Combine(folder, "guide.mp4");
            await DirectRenderer.RenderGuideToMp4Async(scene, shot, PassOf(spec.Pass), size, timing.Fps, timing.Frames, path, options, cancellationToken);
            return new GuideVideo(await File.ReadAllBytesAsync(path, cancellationToken), spec.Pass, size.Width, size.Height, timing);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The Direct Render pass of a guide pass.</summary>
    public static RenderPass PassOf(GuidePass pass) => pass switch
    {
        GuidePass.Depth => RenderPass.Depth,
        GuidePass.Shaded => RenderPass.Shaded,
        GuidePass.Wireframe => RenderPass.Wireframe,
        _ => throw new ArgumentOutOfRangeException(nameof(pass), pass, null),
    };

    /// <summary>
    /// <paramref name="width"/>×<paramref name="height"/> scaled down (never up) so its long edge is at most
    /// <paramref name="maxLongEdge"/>, both sides rounded down to a multiple of <paramref name="step"/> (at least 2, for yuv420p).
    /// </summary>
    public static FrameSize Fit(int width, int height, int maxLongEdge, int step = 2)
    {
        var scale = Math.Min(1, maxLongEdge / (double)Math.Max(width, height));
        step = Math.Max(2, step);
        return new FrameSize(Multiple(width * scale, step), Multiple(height * scale, step));
    }

    private static int Multiple(double v, int step) => Math.Max(step, step * (int)Math.Floor(v / step));
}
