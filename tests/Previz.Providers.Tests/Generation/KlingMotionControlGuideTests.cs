using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Core.Options;
using Previz.Core.Scenes;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Providers.Inputs;
using Previz.Rendering.Rasterizing;
using Previz.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// From Animation on Kling 2.6 Pro motion control through fal: the request body against fal's own type
/// (<see cref="KlingMotionControl"/>), the uploaded guide decoded and compared with Direct Render's shaded stills of the
/// same shot, the required image_url filled with the shot's captured start (or the user's frame), the per-second
/// estimate of a clip as long as the guide, and the 30 s limit of orientation "video".
/// </summary>
public sealed class KlingMotionControlGuideTests : IDisposable
{
    private const string ModelId = "kling-2.6-motion-control";
    private const string FalFiles = "https://v3.fal.media/files/test/";
    private readonly GenerationScenes _scenes = new();

    public void Dispose() => _scenes.Dispose();

    [Fact]
    public async Task From_animation_on_kling_motion_control_sends_exactly_the_fields_of_fals_schema_with_the_guide_and_the_start_frame()
    {
        var plan = await PlanAsync(_scenes.Scene);

        var request = Assert.IsType<HostedRequest>(plan.Request);
        Assert.Equal((HostedProvider.Fal, KlingMotionControl.Endpoint), (request.Provider, request.Endpoint));
        var body = GuideFrames.AsVendorSees(request, FalFiles);

        // The shaded pass to follow with orientation "video" (the guide's motion and camera), the shot's start as the
        // reference image, the prompt, and no sound kept (the guide has none); no length, aspect, seed or negative prompt
        // (fal's type has none).
        var expected = new JsonObject
        {
            ["character_orientation"] = "video",
            ["keep_original_sound"] = false,
            ["prompt"] = plan.Prompt.Text,
            ["image_url"] = FalFiles + "start.png",
            ["video_url"] = FalFiles + "guide-shaded.mp4",
        };
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
        KlingMotionControl.Schema.AssertAccepts(body);
        Assert.Equal(
            [("/image_url", "image/png", InputFileTransport.Upload), ("/video_url", "video/mp4", InputFileTransport.Upload)],
            request.Files.Select(f => (f.TargetField, f.ContentType, f.Transport)));
        Assert.Contains(plan.Notes, n => n.Contains("seed 7", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, n => n.Contains("not sent: negative prompt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_uploaded_guide_is_the_shaded_pass_of_the_shot_at_24_fps_and_the_planned_size()
    {
        var plan = await PlanAsync(_scenes.Scene);

        // The 4 s shot at 24 fps: frames at 0 … 4 s = 97.
        await GuideFrames.AssertShadedGuideOfTheShotAsync(_scenes, plan, "kling-guide.mp4");
    }

    [Fact]
    public async Task The_required_image_url_is_the_shots_captured_start_frame_when_the_user_gives_none()
    {
        var plan = await PlanAsync(_scenes.Scene);

        var start = Assert.Single(plan.Inputs);
        Assert.Equal(("start-frame", "/image_url", 1280, 720), (start.Role, start.Field, start.Width, start.Height));
        Assert.Equal("Direct Render capture (shaded) at 0 s into the shot", start.Source);
        // The uploaded picture is the shot at 0 s: Direct Render's shaded still then, not the still at 2 s.
        using var sent = Image.Load<Rgb24>(Assert.Single(plan.Request!.Files, f => f.TargetField == "/image_url").Content.Span);
        var shot = _scenes.Scene.Shots[0];
        using var atStart = await GuideFrames.StillAsync(_scenes.Scene, _scenes.Folder, shot, 0, RenderPass.Shaded);
        using var later = await GuideFrames.StillAsync(_scenes.Scene, _scenes.Folder, shot, 2.0, RenderPass.Shaded);
        var error = PixelStatistics.MeanAbsoluteDifference(sent, atStart);
        Assert.True(error < 2.5, $"start frame vs shaded still at 0 s: {error:0.00}");
        Assert.True(PixelStatistics.MeanAbsoluteDifference(sent, later) > 2 * error + 1, $"vs the shaded still at 2 s: {PixelStatistics.MeanAbsoluteDifference(sent, later):0.00}");
    }

    [Fact]
    public async Task A_given_start_frame_goes_to_image_url_in_place_of_the_capture()
    {
        var plan = await PlanAsync(_scenes.Scene, FrameSource.File("refs/cone.png"));

        var body = GuideFrames.AsVendorSees(plan.Request!, FalFiles);
        Assert.Equal(FalFiles + "start.png", (string?)body["image_url"]);
        Assert.Equal(FalFiles + "guide-shaded.mp4", (string?)body["video_url"]);
        var start = Assert.Single(plan.Inputs);
        Assert.Equal(("start-frame", "refs/cone.png", "/image_url", 1280, 720), (start.Role, start.Source, start.Field, start.Width, start.Height));
    }

    [Fact]
    public async Task The_estimate_bills_the_seconds_of_the_guide_and_the_provenance_records_it()
    {
        var plan = await PlanAsync(_scenes.Scene);

        var recorded = GenerationProvenance.FromJson(plan.Provenance.ToJson()).Guide;
        Assert.Equal(plan.Guide, recorded);
        Assert.Equal("shaded pass of shot main", recorded!.Source);
        // No length field: the clip is as long as the guide, 97 frames at 24 fps = 4.04 s, billed as 5 s at $0.112/s.
        Assert.Equal((97 / 24.0, 4), (plan.Options.ClipSeconds, plan.Options.OutputSeconds));
        Assert.Equal((5m, 0.56m), (plan.Estimate.Units, plan.Estimate.Total));
        Assert.Contains(plan.Notes, n => n.Contains("shaded guide video of the shot: 97 frames at 24 fps", StringComparison.Ordinal));
        Assert.StartsWith("<upload guide-shaded.mp4: video/mp4 1280×720, 97 frames at 24 fps", (string?)plan.PreviewBody()!["video_url"], StringComparison.Ordinal);
    }

    [Theory]
    // From the 3 s floor to the 30 s file that orientation "video" takes; the 2k tier sizes both inputs at 1080p.
    [InlineData(3.0, ResolutionTier.Preview1K, 73, 1280, 720, 0.448)]
    [InlineData(12.5, ResolutionTier.Final2K, 301, 1920, 1080, 1.456)]
    [InlineData(29.9, ResolutionTier.Preview1K, 718, 1280, 720, 3.36)]
    public async Task A_shot_of_3_to_30_s_is_sent_whole_and_priced_per_second(double seconds, ResolutionTier tier, int frames, int width, int height, double total)
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds }] };

        var plan = await PlanAsync(scene, resolution: tier);

        Assert.Equal((frames, 24, width, height), (plan.Guide!.Frames, plan.Guide.Fps, plan.Guide.Width, plan.Guide.Height));
        Assert.Equal((width, height), (plan.Inputs[0].Width, plan.Inputs[0].Height));
        Assert.Equal((decimal)total, plan.Estimate.Total);
        Assert.Equal(seconds, plan.Options.OutputSeconds);
        Assert.False(plan.Request!.Body.ContainsKey("duration"));
    }

    [Theory]
    [InlineData(2.5, "2.5 s", "2.958 s", "shorter")]
    [InlineData(31.0, "31.0 s", "29.958 s", "longer")]
    public async Task A_shot_outside_the_3_to_30_seconds_is_refused_with_both_numbers(double seconds, string shotText, string limitText, string word)
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds }] };

        await GuideFrames.AssertRefusedWithBothNumbersAsync(() => PlanAsync(scene), seconds, shotText, limitText, word);
    }

    private Task<GenerationPlan> PlanAsync(SceneDocument scene, FrameSource? start = null, ResolutionTier resolution = ResolutionTier.Preview1K) =>
        GuideFrames.PlanAsync(scene, _scenes.Folder, ModelId, start, new VideoRequestOptions { Resolution = resolution }, "blurry, warped");
}
