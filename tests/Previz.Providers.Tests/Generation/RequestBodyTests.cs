using System.Globalization;
using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Providers.Http;
using SixLabors.ImageSharp;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// For every (model, mode) pair the catalog offers — found by iterating the catalog, so a new entry is covered without
/// touching this file — plans a generation and checks the vendor body field by field against the schema the vendor
/// documents (<see cref="VendorSchemas"/>, each with its source).
/// </summary>
public sealed class RequestBodyTests
{
    public static TheoryData<string, string, bool> Pairs()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var model in ModelCatalog.Default.Models.Where(m => m.IsAvailable && m.Provider != ModelProvider.DirectRender))
        {
            foreach (var mode in model.Modes)
            {
                data.Add(model.Id, mode.Id(), false);
                if (MovesToReferenceEndpoint(model, mode))
                {
                    data.Add(model.Id, mode.Id(), true);
                }
            }
        }

        return data;
    }

    /// <summary>A video mode whose endpoint gives way to the model's reference endpoint when asked; never a guide model's From Animation.</summary>
    private static bool MovesToReferenceEndpoint(ModelEntry model, VisualizerMode mode) =>
        model.Inputs.ReferenceImages?.Endpoint is not null && mode.IsVideo() && !(mode == VisualizerMode.FromAnimation && model.Inputs.GuideVideo is not null);

    [Fact]
    public void Every_hosted_model_and_mode_of_the_catalog_is_covered()
    {
        var pairs = Pairs();
        var hosted = ModelCatalog.Default.Models.Where(m => m.IsAvailable && m.Provider != ModelProvider.DirectRender).ToList();
        Assert.Equal(hosted.Sum(m => m.Modes.Count + m.Modes.Count(x => MovesToReferenceEndpoint(m, x))), pairs.Count);
        Assert.True(pairs.Count >= 30, $"only {pairs.Count} pairs");
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task The_request_body_matches_the_vendors_schema(string modelId, string modeId, bool referenceEndpoint)
    {
        using var scenes = new GenerationScenes();
        var model = ModelCatalog.Default.Get(modelId);
        var mode = VisualizerModes.Parse(modeId);
        var spec = new GenerationSpec
        {
            Scene = scenes.Scene,
            SceneFolder = scenes.Folder,
            Mode = mode,
            ModelId = modelId,
            Options = new VideoRequestOptions { Audio = model.Audio == AudioSupport.Optional && mode.IsVideo() },
            Seed = 7,
            NegativePrompt = "blurry, warped",
            UseReferenceEndpoint = referenceEndpoint,
        };

        var plan = await new GenerationPlanner(ModelCatalog.Default, keys: null).PlanAsync(spec, CancellationToken.None);

        var request = Assert.IsType<Previz.Providers.Hosting.HostedRequest>(plan.Request);
        var schema = VendorSchemas.For(request.Endpoint, request.Body)
            ?? throw new InvalidOperationException($"no vendor schema for {request.Endpoint}: add it from the vendor's reference");

        // The body as the vendor sees it: each file in its field, as a URL or inline as the vendor takes it.
        var body = (JsonObject)request.Body.DeepClone();
        foreach (var file in request.Files)
        {
            JsonPointer.Set(body, file.TargetField, file.Transport == InputFileTransport.InlineMedia
                ? InputFileWriter.InlineMedia(Convert.ToBase64String(file.Content.Span), file.ContentType)
                : JsonValue.Create($"https://v3.fal.media/files/test/{file.Name}"));
        }

        foreach (var (field, value) in body)
        {
            Assert.True(schema.Fields.ContainsKey(field), $"{modelId}/{modeId}: \"{field}\" is not in {schema.Source}");
            Assert.True(schema.Fields[field](value), $"{modelId}/{modeId}: \"{field}\" = {value?.ToJsonString()} is not accepted by {schema.Source}");
        }

        foreach (var field in schema.Required)
        {
            Assert.True(body.ContainsKey(field), $"{modelId}/{modeId}: required \"{field}\" is missing ({schema.Source})");
        }

        // Options reach the body in the vendor's own format, exactly where the schema has them.
        var fields = plan.Model.Endpoint(mode)!.Fields;
        if (mode.IsVideo() && fields.Duration is { } durationField)
        {
            Assert.Equal(JsonValue.Create(fields.FormatDuration((int)plan.Options.ClipSeconds))!.ToJsonString(), body[durationField]!.ToJsonString());
            Assert.True(plan.Options.ClipSeconds >= plan.Shot.Duration - 1e-9);
        }

        if (schema.Fields.ContainsKey("seed") && fields.Seed is not null)
        {
            Assert.Equal(7, (long)body["seed"]!);
        }
        else
        {
            Assert.Contains(plan.Notes, n => n.Contains("seed 7", StringComparison.Ordinal));
        }

        if (fields.Audio is not null && mode.IsVideo())
        {
            Assert.True((bool)body[fields.Audio]!);
        }

        if (fields.AspectRatio is not null && plan.Options.VendorAspect is { } aspect)
        {
            Assert.Equal(aspect.Value, (string?)body[fields.AspectRatio]);
        }

        var prompt = (string?)body[fields.Prompt];
        Assert.False(string.IsNullOrWhiteSpace(prompt));
        Assert.True(model.MaxPromptLength is null || prompt!.Length <= model.MaxPromptLength);

        // Frames: the mode's pictures are all there (as fields or keyframes), each a real image of the planned size.
        var roles = plan.Inputs.Select(i => i.Role).ToList();
        if (model.Inputs.GuideVideo is { } guide && mode == VisualizerMode.FromAnimation)
        {
            // A guide-video model gets its pass of the shot in its field; a first frame only where the user gives one or the
            // endpoint requires one (then the shot's captured start).
            var sentGuide = Assert.IsType<PlannedGuide>(plan.Guide);
            Assert.Equal("/" + guide.Field, sentGuide.Field);
            Assert.Contains(request.Files, f => f.TargetField == sentGuide.Field && f.ContentType == "video/mp4");
            Assert.Equal(guide.RequiresStartFrame, roles.Contains("start-frame"));
        }
        else if (!referenceEndpoint && model.Inputs.StartFrame)
        {
            Assert.True(roles.Contains("start-frame") || roles.Contains("keyframe"), $"{modelId}/{modeId}: no start frame sent");
        }

        if (mode == VisualizerMode.StartEnd && !referenceEndpoint)
        {
            Assert.True(roles.Contains("end-frame") || roles.Count(r => r == "keyframe") >= 2, $"{modelId}/{modeId}: no end frame sent");
        }

        if (referenceEndpoint)
        {
            Assert.DoesNotContain("start-frame", roles);
            Assert.Contains("reference", roles);
        }

        Assert.Equal(request.Files.Count, plan.Inputs.Count + (plan.Guide is null ? 0 : 1));
        foreach (var (file, input) in request.Files.Zip(plan.Inputs))
        {
            Assert.Equal(file.TargetField, input.Field);
            var info = Image.Identify(file.Content.ToArray());
            Assert.NotNull(info);
            Assert.Equal((input.Width, input.Height), (info.Width, info.Height));
            if (input.Role is "start-frame" or "end-frame" or "keyframe")
            {
                // Fitted to the model's aspect: the frame's ratio matches the output aspect within a pixel's rounding.
                Assert.InRange(input.Width / (double)input.Height, plan.Options.OutputAspect.Value * 0.99, plan.Options.OutputAspect.Value * 1.01);
            }

            Assert.True(model.Inputs.MaxImageBytes is not { } max || file.Content.Length <= max);
        }

        // The provenance names the endpoint and never holds image data.
        var provenance = plan.Provenance.ToJson();
        Assert.Contains(plan.VendorEndpoint!, provenance, StringComparison.Ordinal);
        Assert.DoesNotContain("base64", provenance, StringComparison.Ordinal);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{plan.Options.ClipSeconds}"), string.Create(CultureInfo.InvariantCulture, $"{plan.Provenance.Options.ClipSeconds}"));
    }
}
