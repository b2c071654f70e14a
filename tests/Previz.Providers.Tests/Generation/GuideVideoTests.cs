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
/// From Animation on a guide-video model (fal's Wan 2.2 VACE depth): the request body against fal's own schema, and the
/// uploaded guide video decoded and compared with Direct Render's depth stills of the same shot.
/// </summary>
public sealed class GuideVideoTests : IDisposable
{
    private const string ModelId = "wan-2.2-vace-depth";
    private readonly GenerationScenes _scenes = new();

    public void Dispose() => _scenes.Dispose();

    [Fact]
    public async Task From_animation_on_wan_vace_depth_sends_exactly_the_fields_of_fals_schema_with_the_guide_in_video_url()
    {
        var plan = await PlanAsync(_scenes.Scene);

        var request = Assert.IsType<HostedRequest>(plan.Request);
        Assert.Equal(WanVaceDepth.Endpoint, request.Endpoint);
        var body = AsVendorSees(request);

        // Our own depth pass, timed by the guide video itself (match_input_*), plus the options the schema has.
        var expected = new JsonObject
        {
            ["prompt"] = plan.Prompt.Text,
            ["video_url"] = "https://v3.fal.media/files/test/guide-depth.mp4",
            ["preprocess"] = false,
            ["match_input_num_frames"] = true,
            ["match_input_frames_per_second"] = true,
            ["seed"] = 7,
            ["negative_prompt"] = "blurry, warped",
            ["resolution"] = "720p",
            ["aspect_ratio"] = "16:9",
        };
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
        WanVaceDepth.Schema.AssertAccepts(body);
        var file = Assert.Single(request.Files);
        Assert.Equal(("/video_url", "video/mp4", InputFileTransport.Upload), (file.TargetField, file.ContentType, file.Transport));
        Assert.Empty(plan.Inputs);
    }

    [Fact]
    public async Task The_uploaded_guide_is_the_depth_pass_of_the_shot_at_the_planned_size_rate_and_length()
    {
        var plan = await PlanAsync(_scenes.Scene);

        // The 4 s shot gives 65 frames at Wan's 16 fps, below fal's 81: the fastest rate needed is 20 fps (81 frames, 0…4 s).
        var guide = Assert.IsType<PlannedGuide>(plan.Guide);
        Assert.Equal(("depth", 1280, 720, 20, 81), (guide.Pass, guide.Width, guide.Height, guide.Fps, guide.Frames));
        var path = Path.Combine(_scenes.Folder, "guide.mp4");
        await File.WriteAllBytesAsync(path, Assert.Single(plan.Request!.Files).Content.ToArray());
        Assert.Equal(guide.Bytes, (int)new FileInfo(path).Length);

        var probe = await MediaTool.Default.ProbePacketsAsync(path, CancellationToken.None);
        Assert.Equal(("h264", 1280, 720, 81), (probe.Codec, probe.Width, probe.Height, probe.FrameCount));
        Assert.Equal(20, probe.AverageFrameRate, 3);

        // Frame 40 shows the shot at 2.0 s: it matches Direct Render's depth still then, not another time or pass.
        var frame = await DecodeAsync(path, 40 / 20.0);
        var shot = _scenes.Scene.Shots[0];
        var sameTime = await StillAsync(shot, 2.0, RenderPass.Depth);
        var start = await StillAsync(shot, 0, RenderPass.Depth);
        var shaded = await StillAsync(shot, 2.0, RenderPass.Shaded);
        var error = PixelStatistics.MeanAbsoluteDifference(frame, sameTime);
        Assert.True(error < 2.5, $"guide frame vs depth still at 2 s: {error:0.00}");
        Assert.True(PixelStatistics.MeanAbsoluteDifference(frame, start) > 2 * error + 1, $"vs the depth still at 0 s: {PixelStatistics.MeanAbsoluteDifference(frame, start):0.00}");
        Assert.True(PixelStatistics.MeanAbsoluteDifference(frame, shaded) > 4 * error + 5, $"vs the shaded still at 2 s: {PixelStatistics.MeanAbsoluteDifference(frame, shaded):0.00}");

        // The last frame is the shot's end.
        var last = await DecodeAsync(path, 80 / 20.0);
        Assert.True(PixelStatistics.MeanAbsoluteDifference(last, await StillAsync(shot, 4.0, RenderPass.Depth)) < 2.5);
    }

    [Fact]
    public async Task The_provenance_and_the_estimate_record_the_guide_and_its_billed_frames()
    {
        var plan = await PlanAsync(_scenes.Scene);

        var recorded = GenerationProvenance.FromJson(plan.Provenance.ToJson()).Guide;
        Assert.Equal(plan.Guide, recorded);
        Assert.Equal("depth pass of shot main", recorded!.Source);
        // fal counts video seconds at 16 fps: 81 frames = 5.0625 s × $0.10 at 720p.
        Assert.Equal(5.0625m, plan.Estimate.Units);
        Assert.Equal(0.50625m, plan.Estimate.Total);
        Assert.Equal(4, plan.Options.OutputSeconds);
        Assert.Contains(plan.Notes, n => n.Contains("depth guide video of the shot: 81 frames at 20 fps", StringComparison.Ordinal));
        var preview = plan.PreviewBody()!;
        Assert.StartsWith("<upload guide-depth.mp4: video/mp4 1280×720, 81 frames at 20 fps", (string?)preview["video_url"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_given_start_frame_goes_to_first_frame_url_beside_the_guide()
    {
        var plan = await PlanAsync(_scenes.Scene, FrameSource.File("refs/cone.png"));

        var body = AsVendorSees(plan.Request!);
        Assert.Equal("https://v3.fal.media/files/test/start.png", (string?)body["first_frame_url"]);
        Assert.Equal("https://v3.fal.media/files/test/guide-depth.mp4", (string?)body["video_url"]);
        var start = Assert.Single(plan.Inputs);
        Assert.Equal(("start-frame", "/first_frame_url", 1280, 720), (start.Role, start.Field, start.Width, start.Height));
    }

    [Theory]
    [InlineData(2.0, "2.0 s", "2.667 s", "shorter")]
    [InlineData(50.0, "50.0 s", "48.0 s", "longer")]
    public async Task A_shot_outside_the_guide_limits_is_refused_with_both_numbers(double seconds, string shotText, string limitText, string word)
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds }] };

        await GuideFrames.AssertRefusedWithBothNumbersAsync(() => PlanAsync(scene), seconds, shotText, limitText, word);
    }

    private Task<GenerationPlan> PlanAsync(SceneDocument scene, FrameSource? start = null) =>
        GuideFrames.PlanAsync(scene, _scenes.Folder, ModelId, start, negativePrompt: "blurry, warped");

    private static JsonObject AsVendorSees(HostedRequest request) => GuideFrames.AsVendorSees(request, "https://v3.fal.media/files/test/");

    private Task<Image<Rgb24>> DecodeAsync(string path, double seconds) => GuideFrames.DecodeAsync(_scenes.Folder, path, seconds);

    private Task<Image<Rgb24>> StillAsync(Shot shot, double time, RenderPass pass) => GuideFrames.StillAsync(_scenes.Scene, _scenes.Folder, shot, time, pass);
}
