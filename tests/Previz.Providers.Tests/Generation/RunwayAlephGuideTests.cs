using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Scenes;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Providers.Http;
using Previz.Providers.Inputs;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Video;
using Previz.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// From Animation on Runway Aleph 2.0: the request body against Runway's own SDK types (<see cref="RunwayVideoToVideo"/>),
/// and the uploaded guide video decoded and compared with Direct Render's shaded stills of the same shot.
/// </summary>
public sealed class RunwayAlephGuideTests : IDisposable
{
    private const string ModelId = "runway-aleph-2";
    private readonly GenerationScenes _scenes = new();

    public void Dispose() => _scenes.Dispose();

    [Fact]
    public async Task From_animation_on_aleph_2_sends_exactly_the_fields_of_runways_schema_with_the_guide_in_video_uri()
    {
        var plan = await PlanAsync(_scenes.Scene);

        var request = Assert.IsType<HostedRequest>(plan.Request);
        Assert.Equal((HostedProvider.Runway, RunwayVideoToVideo.Endpoint), (request.Provider, request.Endpoint));
        Assert.Equal("/v1/video_to_video", plan.VendorEndpoint);
        var body = AsVendorSees(request);

        // The shaded pass to restyle, the prompt and the seed; no duration (the video sets it) and no ratio (its frame does).
        Assert.True(JsonNode.DeepEquals(GuideBody(plan), body), body.ToJsonString());
        var schema = RunwayVideoToVideo.Aleph2;
        schema.AssertAccepts(body);
        var file = Assert.Single(request.Files);
        Assert.Equal(("/videoUri", "video/mp4", InputFileTransport.Upload), (file.TargetField, file.ContentType, file.Transport));
        Assert.Empty(plan.Inputs);
        // Aleph has no negative prompt field: the plan says so rather than sending it.
        Assert.Contains(plan.Notes, n => n.Contains("not sent: negative prompt", StringComparison.Ordinal));
        Assert.True(plan.Prompt.Text.Length <= 1000);
    }

    [Fact]
    public async Task The_uploaded_guide_is_the_shaded_pass_of_the_shot_at_the_planned_size_rate_and_length()
    {
        var plan = await PlanAsync(_scenes.Scene);

        // The 4 s shot at 24 fps: frames at 0 … 4 s = 97, a 4.04 s video, within Aleph's 2–30 s.
        await GuideFrames.AssertShadedGuideOfTheShotAsync(_scenes, plan, "aleph-guide.mp4");
    }

    [Fact]
    public async Task The_estimate_bills_the_guides_seconds_at_28_credits_and_the_provenance_records_the_guide()
    {
        var plan = await PlanAsync(_scenes.Scene);

        var recorded = GenerationProvenance.FromJson(plan.Provenance.ToJson()).Guide;
        Assert.Equal(plan.Guide, recorded);
        Assert.Equal("shaded pass of shot main", recorded!.Source);
        // 97 frames at 24 fps = 4.04 s of video, counted as 5 whole seconds × $0.28.
        Assert.Equal(5m, plan.Estimate.Units);
        Assert.Equal(1.40m, plan.Estimate.Total);
        Assert.Equal(4, plan.Options.OutputSeconds);
        Assert.Contains(plan.Notes, n => n.Contains("shaded guide video of the shot: 97 frames at 24 fps", StringComparison.Ordinal));
        Assert.StartsWith("<upload guide-shaded.mp4: video/mp4 1280×720, 97 frames at 24 fps", (string?)plan.PreviewBody()!["videoUri"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_given_start_and_end_frame_go_as_keyframes_at_the_guides_first_and_last_frame()
    {
        var plan = await PlanAsync(_scenes.Scene, FrameSource.File("refs/cone.png"), ResolutionTier.Final2K, FrameSource.File("refs/car-front.png"));

        // A final takes a 1080p guide; the user's pictures are pinned to its frames 0 and 96 (0 s and 4 s at 24 fps).
        Assert.Equal((1920, 1080, 97), (plan.Guide!.Width, plan.Guide.Height, plan.Guide.Frames));
        var request = Assert.IsType<HostedRequest>(plan.Request);
        var body = AsVendorSees(request);
        var expected = GuideBody(plan);
        expected["keyframes"] = new JsonArray(
                new JsonObject { ["seconds"] = 0.0, ["uri"] = "runway://uploads/test/keyframe-01.png" },
                new JsonObject { ["seconds"] = 4.0, ["uri"] = "runway://uploads/test/keyframe-02.png" });
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
        RunwayVideoToVideo.Aleph2.AssertAccepts(body);
        Assert.Equal(["/keyframes/0/uri", "/keyframes/1/uri", "/videoUri"], request.Files.Select(f => f.TargetField).Order(StringComparer.Ordinal));
        Assert.Equal(
            [("keyframe", "refs/cone.png", 0), ("keyframe", "refs/car-front.png", 96)],
            plan.Inputs.Select(i => (i.Role, i.Source, i.FrameIndex ?? -1)));
        Assert.DoesNotContain(plan.Notes, n => n.Contains("frame is not used", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_frame_alone_is_the_one_keyframe_and_its_picture_is_the_users()
    {
        var plan = await PlanAsync(_scenes.Scene, FrameSource.File("refs/cone.png"));

        var request = Assert.IsType<HostedRequest>(plan.Request);
        var keyframe = Assert.Single(request.Files, f => f.TargetField == "/keyframes/0/uri");
        Assert.Equal(0.0, (double)request.Body["keyframes"]![0]!["seconds"]!);
        Assert.Single(request.Body["keyframes"]!.AsArray());
        // The picture sent is the user's orange cone, not a capture of the shot.
        using var sent = Image.Load<Rgb24>(keyframe.Content.ToArray());
        var centre = sent[sent.Width / 2, sent.Height / 2];
        Assert.True(Math.Abs(centre.R - 0xff) + Math.Abs(centre.G - 0x88) + Math.Abs(centre.B) < 24, $"the keyframe's centre is {centre}, not the cone's orange");
        RunwayVideoToVideo.Aleph2.AssertAccepts(AsVendorSees(request));
    }

    [Theory]
    [InlineData(1.5, "1.5 s", "1.967 s", "shorter")]
    [InlineData(31.0, "31.0 s", "29.958 s", "longer")]
    public async Task A_shot_outside_alephs_2_to_30_seconds_is_refused_with_both_numbers(double seconds, string shotText, string limitText, string word)
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds }] };

        await GuideFrames.AssertRefusedWithBothNumbersAsync(() => PlanAsync(scene), seconds, shotText, limitText, word);
    }

    [Fact]
    public async Task A_31_s_shot_with_the_cap_accepted_follows_its_first_29_96_s_and_leaves_out_the_end_frame_which_shows_the_shots_end()
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = 31 }] };

        var plan = await GuideFrames.PlanAsync(scene, _scenes.Folder, ModelId, FrameSource.File("refs/cone.png"),
            new VideoRequestOptions { AcceptDurationCap = true }, "blurry, warped", FrameSource.File("refs/car-front.png"));

        // Aleph's longest guide: 720 frames at 24 fps, the shot from 0 to 719 / 24 s.
        Assert.Equal((720, 24), (plan.Guide!.Frames, plan.Guide.Fps));
        Assert.Equal(719 / 24.0, plan.Options.OutputSeconds);
        var request = Assert.IsType<HostedRequest>(plan.Request);
        Assert.Equal(0.0, (double)Assert.Single(request.Body["keyframes"]!.AsArray())!["seconds"]!);
        Assert.Equal([("keyframe", "refs/cone.png")], plan.Inputs.Select(i => (i.Role, i.Source)));
        Assert.Contains(plan.Notes, n => n.Contains("the end frame is not used: the clip follows only the first 29.96 s of the shot", StringComparison.Ordinal));
        RunwayVideoToVideo.Aleph2.AssertAccepts(AsVendorSees(request));
    }

    private Task<GenerationPlan> PlanAsync(SceneDocument scene, FrameSource? start = null, ResolutionTier resolution = ResolutionTier.Preview1K, FrameSource? end = null) =>
        GuideFrames.PlanAsync(scene, _scenes.Folder, ModelId, start, new VideoRequestOptions { Resolution = resolution }, "blurry, warped", end);

    /// <summary>What Aleph is sent for the shot's guide alone: the model, the prompt, the uploaded shaded pass and the seed.</summary>
    private static JsonObject GuideBody(GenerationPlan plan) => new()
    {
        ["model"] = "aleph2",
        ["promptText"] = plan.Prompt.Text,
        ["videoUri"] = "runway://uploads/test/guide-shaded.mp4",
        ["seed"] = 7,
    };

    /// <summary>The body as Runway receives it: each file's <c>runway://</c> upload URI in its field.</summary>
    private static JsonObject AsVendorSees(HostedRequest request) => GuideFrames.AsVendorSees(request, "runway://uploads/test/");
}
