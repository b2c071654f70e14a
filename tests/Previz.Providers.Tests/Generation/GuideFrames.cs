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
    public static async Task<GenerationPlan> PlanAsync(SceneDocument scene, string folder, string modelId, FrameSource? start = null, VideoRequestOptions? options = null, string? negativePrompt = null) =>
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
}
