using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Scenes;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Providers.Http;
using Previz.Providers.Inputs;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Video;
using Previz.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// What the guide-video tests share: From Animation planned for a model, the body as its vendor receives it, frames of
/// the uploaded guide video and Direct Render's stills to compare them with.
/// </summary>
internal static class GuideFrames
{
    /// <summary>From Animation of <paramref name="scene"/> planned for <paramref name="modelId"/>, seed 7, no reference pictures.</summary>
    public static async Task<GenerationPlan> PlanAsync(
        SceneDocument scene, string folder, string modelId, FrameSource? start = null, VideoRequestOptions? options = null, string? negativePrompt = null, FrameSource? end = null) =>
        await new GenerationPlanner(ModelCatalog.Default, keys: null).PlanAsync(
            new GenerationSpec
            {
                Scene = scene,
                SceneFolder = folder,
                Mode = VisualizerMode.FromAnimation,
                ModelId = modelId,
                Seed = 7,
                NegativePrompt = negativePrompt,
                StartFrame = start,
                EndFrame = end,
                SendReferences = false,
                Options = options ?? VideoRequestOptions.Defaults,
            },
            CancellationToken.None);

    /// <summary>The body as the vendor receives it: each uploaded file's URI (<paramref name="uploadPrefix"/> + its name) in its field.</summary>
    public static JsonObject AsVendorSees(HostedRequest request, string uploadPrefix)
    {
        var body = (JsonObject)request.Body.DeepClone();
        foreach (var file in request.Files)
        {
            JsonPointer.Set(body, file.TargetField, JsonValue.Create(uploadPrefix + file.Name));
        }

        return body;
    }

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

    /// <summary>
    /// The planned 4 s shaded guide at 1280×720 and 24 fps (the one file sent to its field, beside any pictures), written
    /// out as <paramref name="name"/> and decoded: an H.264 video of its 97 frames whose frame 48 shows the shot at 2 s
    /// (Direct Render's shaded still then, not the still at 0 s nor the depth pass) and whose last frame is the shot's end.
    /// </summary>
    public static async Task AssertShadedGuideOfTheShotAsync(GenerationScenes scenes, GenerationPlan plan, string name)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        ArgumentNullException.ThrowIfNull(plan);
        var guide = Assert.IsType<PlannedGuide>(plan.Guide);
        Assert.Equal(("shaded", 1280, 720, 24, 97), (guide.Pass, guide.Width, guide.Height, guide.Fps, guide.Frames));
        var path = Path.Combine(scenes.Folder, name);
        await File.WriteAllBytesAsync(path, Assert.Single(plan.Request!.Files, f => f.TargetField == guide.Field).Content.ToArray());
        Assert.Equal(guide.Bytes, (int)new FileInfo(path).Length);

        var probe = await MediaTool.Default.ProbePacketsAsync(path, CancellationToken.None);
        Assert.Equal(("h264", 1280, 720, 97), (probe.Codec, probe.Width, probe.Height, probe.FrameCount));
        Assert.Equal(24, probe.AverageFrameRate, 3);

        var frame = await DecodeAsync(scenes.Folder, path, 48 / 24.0);
        var shot = scenes.Scene.Shots[0];
        var sameTime = await StillAsync(scenes.Scene, scenes.Folder, shot, 2.0, RenderPass.Shaded);
        var start = await StillAsync(scenes.Scene, scenes.Folder, shot, 0, RenderPass.Shaded);
        var depth = await StillAsync(scenes.Scene, scenes.Folder, shot, 2.0, RenderPass.Depth);
        var error = PixelStatistics.MeanAbsoluteDifference(frame, sameTime);
        Assert.True(error < 2.5, $"guide frame vs shaded still at 2 s: {error:0.00}");
        Assert.True(PixelStatistics.MeanAbsoluteDifference(frame, start) > 2 * error + 1, $"vs the shaded still at 0 s: {PixelStatistics.MeanAbsoluteDifference(frame, start):0.00}");
        Assert.True(PixelStatistics.MeanAbsoluteDifference(frame, depth) > 4 * error + 5, $"vs the depth still at 2 s: {PixelStatistics.MeanAbsoluteDifference(frame, depth):0.00}");

        var last = await DecodeAsync(scenes.Folder, path, 96 / 24.0);
        Assert.True(PixelStatistics.MeanAbsoluteDifference(last, await StillAsync(scenes.Scene, scenes.Folder, shot, 4.0, RenderPass.Shaded)) < 2.5, "the last frame is the shot's end");
    }

    /// <summary>Planning is refused for a shot of <paramref name="seconds"/> outside the guide's limits, the message naming the shot's length, the limit and which way it is off.</summary>
    public static async Task AssertRefusedWithBothNumbersAsync(Func<Task> plan, double seconds, string shotText, string limitText, string word)
    {
        var error = await Assert.ThrowsAsync<ShotOutsideGuideLimitsException>(plan);

        Assert.Contains(shotText, error.Message, StringComparison.Ordinal);
        Assert.Contains(limitText, error.Message, StringComparison.Ordinal);
        Assert.Contains(word, error.Message, StringComparison.Ordinal);
        Assert.Equal(seconds, error.ShotSeconds);
    }
}
