using Previz.Core.Scenes;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Video;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Providers.Tests.Generation;

/// <summary>Frames of an uploaded guide video and Direct Render's stills to compare them with, with a tolerance.</summary>
internal static class GuideFrames
{
    /// <summary>The frame shown at <paramref name="seconds"/> of <paramref name="video"/>, decoded through the media boundary.</summary>
    public static async Task<Image<Rgb24>> DecodeAsync(string folder, string video, double seconds)
    {
        var png = Path.Combine(folder, FormattableString.Invariant($"frame-{Path.GetFileNameWithoutExtension(video)}-{seconds:0.000}.png"));
        await MediaTool.Default.FrameAsync(video, png, seconds, CancellationToken.None);
        return await Image.LoadAsync<Rgb24>(png);
    }

    /// <summary>Direct Render's 1k still of <paramref name="pass"/> of the shot at <paramref name="time"/>.</summary>
    public static async Task<Image<Rgb24>> StillAsync(SceneDocument scene, string folder, Shot shot, double time, RenderPass pass)
    {
        var png = Path.Combine(folder, FormattableString.Invariant($"still-{pass}-{time:0.000}.png"));
        await DirectRenderer.RenderStillAsync(scene, shot, time, pass, ResolutionPreset.OneK, png);
        return await Image.LoadAsync<Rgb24>(png);
    }
}
