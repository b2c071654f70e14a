using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Core.Modes;
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
/// From Animation on Seedance 2.0 through Runway's video-to-video: the body against Runway's own SDK types
/// (<see cref="RunwayVideoToVideo.Seedance2"/>), the uploaded guide decoded, and its 15 s limit.
/// </summary>
public sealed class SeedanceVideoToVideoGuideTests : IDisposable
{
    private const string ModelId = "seedance-2.0-runway-v2v";
    private readonly GenerationScenes _scenes = new();

    public void Dispose() => _scenes.Dispose();

    [Fact]
    public async Task From_animation_sends_exactly_the_fields_of_runways_seedance2_schema_with_the_guide_in_prompt_video()
    {
        var plan = await PlanAsync(_scenes.Scene, audio: true);

        var request = Assert.IsType<HostedRequest>(plan.Request);
        Assert.Equal((HostedProvider.Runway, RunwayVideoToVideo.Endpoint), (request.Provider, request.Endpoint));
        var body = (JsonObject)request.Body.DeepClone();
        var file = Assert.Single(request.Files);
        Assert.Equal(("/promptVideo", "video/mp4", InputFileTransport.Upload), (file.TargetField, file.ContentType, file.Transport));
        JsonPointer.Set(body, file.TargetField, JsonValue.Create("runway://uploads/test/" + file.Name));

        var expected = new JsonObject
        {
            ["model"] = "seedance2",
            ["promptText"] = plan.Prompt.Text,
            ["promptVideo"] = "runway://uploads/test/guide-shaded.mp4",
            ["audio"] = true,
        };
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
        var schema = RunwayVideoToVideo.Seedance2;
        schema.AssertAccepts(body);
        // The schema has no seed: the plan says it is not sent.
        Assert.Contains(plan.Notes, n => n.Contains("seed 7", StringComparison.Ordinal));
        // 97 frames at 24 fps = 4.04 s, 5 whole seconds × $0.36.
        Assert.Equal(1.80m, plan.Estimate.Total);
    }

    [Fact]
    public async Task The_uploaded_guide_is_the_shaded_pass_at_720p_and_24_fps()
    {
        var plan = await PlanAsync(_scenes.Scene, audio: false);

        var guide = Assert.IsType<PlannedGuide>(plan.Guide);
        Assert.Equal(("shaded", "/promptVideo", 1280, 720, 24, 97), (guide.Pass, guide.Field, guide.Width, guide.Height, guide.Fps, guide.Frames));
        Assert.False((bool)plan.Request!.Body["audio"]!);
        var path = Path.Combine(_scenes.Folder, "seedance-guide.mp4");
        await File.WriteAllBytesAsync(path, Assert.Single(plan.Request.Files).Content.ToArray());
        var probe = await MediaTool.Default.ProbePacketsAsync(path, CancellationToken.None);
        Assert.Equal(("h264", 1280, 720, 97), (probe.Codec, probe.Width, probe.Height, probe.FrameCount));
        Assert.Equal(24, probe.AverageFrameRate, 3);

        // Frame 72 is the shot at 3.0 s: Direct Render's shaded still then, not its depth pass nor the start.
        var frame = await GuideFrames.DecodeAsync(_scenes.Folder, path, 72 / 24.0);
        var shot = _scenes.Scene.Shots[0];
        var error = PixelStatistics.MeanAbsoluteDifference(frame, await GuideFrames.StillAsync(_scenes.Scene, _scenes.Folder, shot, 3.0, RenderPass.Shaded));
        Assert.True(error < 2.5, $"guide frame vs shaded still at 3 s: {error:0.00}");
        Assert.True(PixelStatistics.MeanAbsoluteDifference(frame, await GuideFrames.StillAsync(_scenes.Scene, _scenes.Folder, shot, 0, RenderPass.Shaded)) > 2 * error + 1);
        Assert.True(PixelStatistics.MeanAbsoluteDifference(frame, await GuideFrames.StillAsync(_scenes.Scene, _scenes.Folder, shot, 3.0, RenderPass.Depth)) > 4 * error + 5);
    }

    [Theory]
    [InlineData(3.0, "3.0 s", "3.958 s", "shorter")]
    [InlineData(16.0, "16.0 s", "14.958 s", "longer")]
    public async Task A_shot_outside_the_4_to_15_seconds_is_refused_with_both_numbers(double seconds, string shotText, string limitText, string word)
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds }] };

        var error = await Assert.ThrowsAsync<ShotOutsideGuideLimitsException>(() => PlanAsync(scene, audio: false));

        Assert.Contains(shotText, error.Message, StringComparison.Ordinal);
        Assert.Contains(limitText, error.Message, StringComparison.Ordinal);
        Assert.Contains(word, error.Message, StringComparison.Ordinal);
    }

    private Task<GenerationPlan> PlanAsync(SceneDocument scene, bool audio) =>
        GuideFrames.PlanAsync(scene, _scenes.Folder, ModelId, options: new VideoRequestOptions { Audio = audio });
}
