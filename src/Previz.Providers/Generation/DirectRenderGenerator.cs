using Previz.Core.Scenes;
using Previz.Rendering;
using Previz.Rendering.Video;

namespace Previz.Providers.Generation;

/// <summary>
/// Direct Render as a generator: the planned shot drawn on this machine, no vendor and nothing to poll, so it runs in
/// one step from start to finish (the CLI's runner and the studio's render job both call it). A run that dies is simply
/// run again: unlike a vendor submit, it has nothing to pay twice.
/// </summary>
public static class DirectRenderGenerator
{
    /// <summary>Writes the clip (H.264 MP4) or the still (PNG) of <paramref name="shot"/> to <paramref name="target"/>.</summary>
    public static async Task RenderAsync(
        SceneDocument scene, Shot shot, DirectRenderSettings settings, string target, IProgress<RenderProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shot);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Still)
        {
            await DirectRenderer.RenderStillAsync(scene, shot, Math.Clamp(settings.StillSeconds, 0, shot.Duration), settings.Pass, settings.Resolution, target, null, cancellationToken);
            return;
        }

        var clip = shot with { Duration = settings.OutputSeconds };
        await DirectRenderer.RenderToMp4Async(scene, clip, settings.Pass, settings.Resolution, target, progress, cancellationToken);
    }
}
