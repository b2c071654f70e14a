using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Core.Options;
using Previz.Core.Scenes;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Providers.Inputs;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Video;
using Previz.Testing;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// From Animation on Luma Ray 3.2 video-to-video through fal: the request body against fal's own type
/// (<see cref="LumaRayVideoToVideo"/>), the uploaded guide decoded and compared with Direct Render's shaded stills of the
/// same shot, the "5s"/"10s" length that covers it and fal's per-5-s price, and its 10 s limit.
/// </summary>
public sealed class LumaRayRestyleGuideTests : IDisposable
{
    private const string ModelId = "luma-ray-3.2-v2v";
    private const string FalFiles = "https://v3.fal.media/files/test/";
    private readonly GenerationScenes _scenes = new();

    public void Dispose() => _scenes.Dispose();

    [Fact]
    public async Task From_animation_on_ray_3_2_restyle_sends_exactly_the_fields_of_fals_schema_with_the_guide_in_video_url()
    {
        var plan = await PlanAsync(_scenes.Scene);

        var request = Assert.IsType<HostedRequest>(plan.Request);
        Assert.Equal((HostedProvider.Fal, LumaRayVideoToVideo.Endpoint), (request.Provider, request.Endpoint));
        var body = GuideFrames.AsVendorSees(request, FalFiles);

        // The shaded pass to restyle, the prompt, the shortest length that covers the 4 s shot and the 1k tier's 720p; no
        // aspect (the video sets the frame), no seed and no negative prompt (fal's type has neither).
        var expected = new JsonObject
        {
            ["prompt"] = plan.Prompt.Text,
            ["video_url"] = FalFiles + "guide-shaded.mp4",
            ["duration"] = "5s",
            ["resolution"] = "720p",
        };
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
        LumaRayVideoToVideo.Schema.AssertAccepts(body);
        var file = Assert.Single(request.Files);
        Assert.Equal(("/video_url", "video/mp4", InputFileTransport.Upload), (file.TargetField, file.ContentType, file.Transport));
        Assert.Empty(plan.Inputs);
        Assert.Contains(plan.Notes, n => n.Contains("seed 7", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, n => n.Contains("not sent: negative prompt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_uploaded_guide_is_the_shaded_pass_of_the_shot_at_24_fps_and_the_planned_size()
    {
        var plan = await PlanAsync(_scenes.Scene);

        // The 4 s shot on Ray's 24 fps grid: frames at 0 … 4 s = 97.
        await GuideFrames.AssertShadedGuideOfTheShotAsync(_scenes, plan, "ray-guide.mp4");
    }

    [Fact]
    public async Task The_estimate_bills_one_5_s_clip_at_720p_and_the_provenance_records_the_guide()
    {
        var plan = await PlanAsync(_scenes.Scene);

        var recorded = GenerationProvenance.FromJson(plan.Provenance.ToJson()).Guide;
        Assert.Equal(plan.Guide, recorded);
        Assert.Equal("shaded pass of shot main", recorded!.Source);
        // fal: "$1.08 for 720p" per 5 s; the 5 s clip is trimmed to the 4 s shot.
        Assert.Equal((1m, 1.08m), (plan.Estimate.Units, plan.Estimate.Total));
        Assert.Equal((5, 4), (plan.Options.ClipSeconds, plan.Options.OutputSeconds));
        Assert.True(plan.Options.Trimmed);
        Assert.Contains(plan.Notes, n => n.Contains("shaded guide video of the shot: 97 frames at 24 fps", StringComparison.Ordinal));
        Assert.StartsWith("<upload guide-shaded.mp4: video/mp4 1280×720, 97 frames at 24 fps", (string?)plan.PreviewBody()!["video_url"], StringComparison.Ordinal);
    }

    [Theory]
    // A shot longer than 5 s asks for fal's "10s" and pays for two 5 s blocks; the 2k tier is 1080p with a 1080p guide.
    [InlineData(4.0, ResolutionTier.Final2K, "5s", 97, 1920, 1080, 2.16)]
    [InlineData(7.5, ResolutionTier.Preview1K, "10s", 181, 1280, 720, 2.16)]
    [InlineData(10.0, ResolutionTier.Final2K, "10s", 241, 1920, 1080, 4.32)]
    public async Task The_length_sent_is_the_shortest_that_covers_the_guide_and_the_price_is_fals_per_5_s(
        double seconds, ResolutionTier tier, string duration, int frames, int width, int height, double total)
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds }] };

        var plan = await PlanAsync(scene, resolution: tier);

        var body = plan.Request!.Body;
        Assert.Equal(duration, (string?)body["duration"]);
        Assert.Equal(tier == ResolutionTier.Final2K ? "1080p" : "720p", (string?)body["resolution"]);
        Assert.Equal((frames, 24, width, height), (plan.Guide!.Frames, plan.Guide.Fps, plan.Guide.Width, plan.Guide.Height));
        Assert.Equal((decimal)total, plan.Estimate.Total);
        Assert.Equal(seconds, plan.Options.OutputSeconds);
    }

    [Fact]
    public async Task A_given_start_frame_goes_to_start_image_url_beside_the_guide()
    {
        var plan = await PlanAsync(_scenes.Scene, FrameSource.File("refs/cone.png"));

        var body = GuideFrames.AsVendorSees(plan.Request!, FalFiles);
        Assert.Equal(FalFiles + "start.png", (string?)body["start_image_url"]);
        Assert.Equal(FalFiles + "guide-shaded.mp4", (string?)body["video_url"]);
        var start = Assert.Single(plan.Inputs);
        Assert.Equal(("start-frame", "/start_image_url", 1280, 720), (start.Role, start.Field, start.Width, start.Height));
    }

    [Theory]
    [InlineData(0.5, "0.5 s", "0.958 s", "shorter")]
    [InlineData(10.5, "10.5 s", "10.0 s", "longer")]
    public async Task A_shot_outside_the_1_to_10_seconds_is_refused_with_both_numbers(double seconds, string shotText, string limitText, string word)
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds }] };

        await GuideFrames.AssertRefusedWithBothNumbersAsync(() => PlanAsync(scene), seconds, shotText, limitText, word);
    }

    private Task<GenerationPlan> PlanAsync(SceneDocument scene, FrameSource? start = null, ResolutionTier resolution = ResolutionTier.Preview1K) =>
        GuideFrames.PlanAsync(scene, _scenes.Folder, ModelId, start, new VideoRequestOptions { Resolution = resolution }, "blurry, warped");
}
