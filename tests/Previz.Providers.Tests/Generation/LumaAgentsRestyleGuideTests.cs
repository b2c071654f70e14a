using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Core.Options;
using Previz.Core.Scenes;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Providers.Http;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Video;
using Previz.Testing;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// From Animation on Luma Ray 3.2's video edit through Luma's own Agents API: the request body against Luma's SDK type
/// (<see cref="LumaAgentsVideoEdit"/>), the inline guide decoded and compared with Direct Render's shaded stills of the
/// same shot, the estimate and provenance, and the 18 s limit.
/// </summary>
public sealed class LumaAgentsRestyleGuideTests : IDisposable
{
    private const string ModelId = "luma-ray-3.2-edit-luma";
    private readonly GenerationScenes _scenes = new();

    public void Dispose() => _scenes.Dispose();

    [Fact]
    public async Task From_animation_on_lumas_own_api_sends_exactly_the_fields_of_lumas_sdk_with_the_guide_inline_in_source()
    {
        var plan = await PlanAsync(_scenes.Scene);

        var request = Assert.IsType<HostedRequest>(plan.Request);
        Assert.Equal((HostedProvider.Luma, LumaAgentsVideoEdit.Endpoint), (request.Provider, request.Endpoint));
        var body = await InputFileWriter.ApplyAsync(request, (_, _) => throw new InvalidOperationException("Luma uploads nothing"), CancellationToken.None);
        var file = Assert.Single(request.Files);
        Assert.Equal(("/source", "video/mp4", InputFileTransport.InlineMedia), (file.TargetField, file.ContentType, file.Transport));

        // ray-3.2 as a video_edit of the shaded pass, inline as {data, media_type}; Luma's recommended auto_controls; the 1k
        // tier's 720p under video. No duration (the output matches the source), no aspect, seed or negative prompt.
        var expected = new JsonObject
        {
            ["model"] = "ray-3.2",
            ["type"] = "video_edit",
            ["prompt"] = plan.Prompt.Text,
            ["source"] = new JsonObject { ["data"] = Convert.ToBase64String(file.Content.Span), ["media_type"] = "video/mp4" },
            ["video"] = new JsonObject { ["edit"] = new JsonObject { ["auto_controls"] = true }, ["resolution"] = "720p" },
        };
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString().Length > 2000 ? body.ToJsonString()[..2000] : body.ToJsonString());
        LumaAgentsVideoEdit.Schema.AssertAccepts(body);
        Assert.Empty(plan.Inputs);
        Assert.Contains(plan.Notes, n => n.Contains("seed 7", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, n => n.Contains("not sent: negative prompt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_inline_guide_is_the_shaded_pass_of_the_shot_at_24_fps_and_the_planned_size()
    {
        var plan = await PlanAsync(_scenes.Scene);

        // The 4 s shot on Ray's 24 fps grid: frames at 0 … 4 s = 97.
        Assert.Equal("/source", plan.Guide!.Field);
        await GuideFrames.AssertShadedGuideOfTheShotAsync(_scenes, plan, "luma-guide.mp4");
    }

    [Fact]
    public async Task The_estimate_is_marked_unverified_and_the_provenance_records_the_guide_and_the_inline_preview()
    {
        var plan = await PlanAsync(_scenes.Scene);

        var recorded = GenerationProvenance.FromJson(plan.Provenance.ToJson()).Guide;
        Assert.Equal(plan.Guide, recorded);
        Assert.Equal("shaded pass of shot main", recorded!.Source);
        // No duration is sent: the clip is the guide's own length (the shot), billed as one started 5 s block at 720p with
        // fal's price for the same model, marked unverified until Luma's own video prices are read.
        Assert.Equal((1m, 1.08m), (plan.Estimate.Units, plan.Estimate.Total));
        Assert.Contains("unverified", plan.Options.Model.Pricing.Source, StringComparison.Ordinal);
        Assert.Equal((97 / 24.0, 4), (plan.Options.ClipSeconds, plan.Options.OutputSeconds));
        Assert.Equal("LUMA_AGENTS_API_KEY", plan.Options.Model.ApiKeyVariable);
        var preview = plan.PreviewBody()!["source"]!;
        Assert.Equal("video/mp4", (string?)preview["media_type"]);
        Assert.StartsWith("<base64 of guide-shaded.mp4: video/mp4 1280×720, 97 frames at 24 fps", (string?)preview["data"], StringComparison.Ordinal);
    }

    [Theory]
    // The 2k tier is 1080p with a 1080p guide; 18 s (433 frames) is Luma's longest source.
    [InlineData(7.5, ResolutionTier.Final2K, 181, 1920, 1080, 4.32)]
    [InlineData(18.0, ResolutionTier.Preview1K, 433, 1280, 720, 4.32)]
    public async Task The_guide_follows_the_whole_shot_up_to_18_s_and_resolution_goes_under_video(
        double seconds, ResolutionTier tier, int frames, int width, int height, double total)
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds }] };

        var plan = await PlanAsync(scene, tier);

        var body = plan.Request!.Body;
        Assert.Equal(tier == ResolutionTier.Final2K ? "1080p" : "720p", (string?)body["video"]!["resolution"]);
        Assert.Null(body["video"]!["duration"]);
        Assert.Equal((frames, 24, width, height), (plan.Guide!.Frames, plan.Guide.Fps, plan.Guide.Width, plan.Guide.Height));
        Assert.Equal((decimal)total, plan.Estimate.Total);
        Assert.Equal(seconds, plan.Options.OutputSeconds);
    }

    [Theory]
    [InlineData(0.5, "0.5 s", "0.958 s", "shorter")]
    [InlineData(18.5, "18.5 s", "18.0 s", "longer")]
    public async Task A_shot_outside_the_1_to_18_seconds_is_refused_with_both_numbers(double seconds, string shotText, string limitText, string word)
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds }] };

        var error = await Assert.ThrowsAsync<ShotOutsideGuideLimitsException>(() => PlanAsync(scene));

        Assert.Contains(shotText, error.Message, StringComparison.Ordinal);
        Assert.Contains(limitText, error.Message, StringComparison.Ordinal);
        Assert.Contains(word, error.Message, StringComparison.Ordinal);
    }

    private Task<GenerationPlan> PlanAsync(SceneDocument scene, ResolutionTier resolution = ResolutionTier.Preview1K) =>
        GuideFrames.PlanAsync(scene, _scenes.Folder, ModelId, null, new VideoRequestOptions { Resolution = resolution }, "blurry, warped");
}
