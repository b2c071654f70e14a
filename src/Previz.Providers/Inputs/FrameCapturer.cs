using Previz.Core.Scenes;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Stills;

namespace Previz.Providers.Inputs;

/// <summary>
/// Renders Direct Render's shaded pass of a shot at given times as PNG, at the shot's own aspect and large enough to
/// cover a target size, so fitting only crops and never enlarges. Not thread-safe: one per plan.
/// </summary>
public sealed class FrameCapturer
{
    private readonly FrameRenderer _renderer;

    public FrameCapturer(SceneDocument scene, FrameRendererOptions? options = null) => _renderer = new FrameRenderer(scene, options);

    /// <summary>PNG bytes of <paramref name="shot"/> at <paramref name="shotTime"/> seconds after its start.</summary>
    public async Task<byte[]> CaptureAsync(Shot shot, double shotTime, int targetWidth, int targetHeight, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shot);
        var time = Math.Clamp(shotTime, 0, shot.Duration);
        var size = CoverSize(shot.Aspect.Value, targetWidth, targetHeight);
        var frame = await Task.Run(() => _renderer.Render(shot, shot.Start + time, RenderPass.Shaded, size), cancellationToken);
        using var png = new MemoryStream();
        await StillWriter.WritePngAsync(frame, png, cancellationToken);
        return png.ToArray();
    }

    /// <summary>The smallest even size of aspect <paramref name="aspect"/> that contains a <paramref name="w"/>×<paramref name="h"/> crop.</summary>
    public static FrameSize CoverSize(double aspect, int w, int h)
    {
        var target = w / (double)h;
        var (width, height) = aspect >= target ? (h * aspect, (double)h) : (w, w / aspect);
        return new FrameSize(Math.Max(2, 2 * (int)Math.Ceiling(width / 2)), Math.Max(2, 2 * (int)Math.Ceiling(height / 2)));
    }
}
