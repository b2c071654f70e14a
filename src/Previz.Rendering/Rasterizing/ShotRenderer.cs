using Previz.Core.Scenes;
using Previz.Rendering.Framing;

namespace Previz.Rendering.Rasterizing;

/// <summary>The frames of a shot: frame i at scene time shot.FrameTime(i), for i in [0, FrameCount).</summary>
public static class ShotRenderer
{
    /// <summary>
    /// Renders the shot's frames one after another into one reused buffer: each yielded frame is overwritten when the
    /// next is requested, so copy it to keep it.
    /// </summary>
    public static IEnumerable<(int Index, double Time, RgbaFrame Frame)> Frames(
        SceneDocument scene, Shot shot, RenderPass pass, FrameSize size, FrameRendererOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(shot);
        return Iterate(new FrameRenderer(scene, options), shot, pass, size);
    }

    private static IEnumerable<(int, double, RgbaFrame)> Iterate(FrameRenderer renderer, Shot shot, RenderPass pass, FrameSize size)
    {
        var frame = new RgbaFrame(size);
        for (var i = 0; i < shot.FrameCount; i++)
        {
            var t = shot.FrameTime(i);
            renderer.Render(shot, t, pass, frame);
            yield return (i, t, frame);
        }
    }
}
