using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Core.Modes;
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
/// Gemini Omni Flash through fal: Start Frame on image-to-video (the shot's start frame, its length in whole seconds
/// from 3 to 10, 16:9 or 9:16), or reference-to-video when asked to send the objects' pictures, and From Animation on
/// edit (the shot's shaded guide, no length: the clip follows the video), each body against fal's own type (<see cref="GeminiOmniFlash"/>); the uploaded guide decoded and compared with
/// Direct Render's shaded stills; fal's approximate per-second price; the 10 s limits refused with both numbers.
/// </summary>
public sealed class GeminiOmniFlashTests : IDisposable
{
    private const string ModelId = "gemini-omni-flash";
    private const string FalFiles = "https://v3.fal.media/files/test/";
    private readonly GenerationScenes _scenes = new();

    public void Dispose() => _scenes.Dispose();

    [Fact]
    public async Task From_animation_on_gemini_omni_flash_edit_sends_exactly_the_fields_of_fals_schema_with_the_guide_in_video_url()
    {
        var plan = await PlanEditAsync(_scenes.Scene);

        var request = Assert.IsType<HostedRequest>(plan.Request);
        Assert.Equal((HostedProvider.Fal, GeminiOmniFlash.Edit), (request.Provider, request.Endpoint));
        var body = GuideFrames.AsVendorSees(request, FalFiles);

        // The shaded pass to edit and the prompt: fal's type has nothing else (no length: the clip follows the video; no
        // aspect, seed or negative prompt).
        var expected = new JsonObject
        {
            ["prompt"] = plan.Prompt.Text,
            ["video_url"] = FalFiles + "guide-shaded.mp4",
        };
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
        GeminiOmniFlash.EditSchema.AssertAccepts(body);
        var file = Assert.Single(request.Files);
        Assert.Equal(("/video_url", "video/mp4", InputFileTransport.Upload), (file.TargetField, file.ContentType, file.Transport));
        Assert.Empty(plan.Inputs);
        Assert.Contains(plan.Notes, n => n.Contains("seed 7", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, n => n.Contains("not sent: negative prompt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_uploaded_guide_is_the_shaded_pass_of_the_shot_at_24_fps_and_720p()
    {
        var plan = await PlanEditAsync(_scenes.Scene);

        // The 4 s shot at 24 fps: frames at 0 … 4 s = 97, at the model's one size, 720p.
        await GuideFrames.AssertShadedGuideOfTheShotAsync(_scenes, plan, "omni-guide.mp4");
    }

    [Fact]
    public async Task The_edit_bills_the_guides_seconds_at_fals_approximate_rate_and_the_provenance_records_the_guide()
    {
        var plan = await PlanEditAsync(_scenes.Scene);

        var recorded = GenerationProvenance.FromJson(plan.Provenance.ToJson()).Guide;
        Assert.Equal(plan.Guide, recorded);
        Assert.Equal("shaded pass of shot main", recorded!.Source);
        // No length field: the clip is the guide's 97 frames at 24 fps = 4.04 s, billed as 5 s at fal's approximate $0.13/s
        // (the model always makes sound), and trimmed to the 4 s shot.
        Assert.Equal((97 / 24.0, 4), (plan.Options.ClipSeconds, plan.Options.OutputSeconds));
        Assert.True(plan.Options.Audio);
        Assert.Equal((5m, 0.65m), (plan.Estimate.Units, plan.Estimate.Total));
        Assert.Contains(plan.Notes, n => n.Contains("shaded guide video of the shot: 97 frames at 24 fps", StringComparison.Ordinal));
        Assert.StartsWith("<upload guide-shaded.mp4: video/mp4 1280×720, 97 frames at 24 fps", (string?)plan.PreviewBody()!["video_url"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_given_start_frame_is_not_sent_to_the_edit_which_takes_no_picture()
    {
        var plan = await PlanEditAsync(_scenes.Scene, FrameSource.File("refs/cone.png"));

        Assert.Empty(plan.Inputs);
        Assert.Equal(["/video_url"], plan.Request!.Files.Select(f => f.TargetField));
        Assert.Contains(plan.Notes, n => n.Contains($"the start frame is not used: {GeminiOmniFlash.Edit} takes no input image", StringComparison.Ordinal));
    }

    [Theory]
    // From the 3 s floor to the 10.0 s file; both tiers are the model's one 720p, and a portrait shot gets a portrait guide.
    [InlineData(3.0, ResolutionTier.Preview1K, "16:9", 73, 1280, 720, 0.52)]
    [InlineData(6.5, ResolutionTier.Final2K, "16:9", 157, 1280, 720, 0.91)]
    [InlineData(9.9, ResolutionTier.Preview1K, "9:16", 238, 720, 1280, 1.30)]
    public async Task A_shot_of_3_to_10_s_is_edited_whole_with_no_length_sent_and_priced_per_second_of_the_guide(
        double seconds, ResolutionTier tier, string aspect, int frames, int width, int height, double total)
    {
        Assert.True(AspectRatio.TryParse(aspect, out var ratio));
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds, Aspect = ratio }] };

        var plan = await PlanEditAsync(scene, resolution: tier);

        Assert.Equal((frames, 24, width, height), (plan.Guide!.Frames, plan.Guide.Fps, plan.Guide.Width, plan.Guide.Height));
        Assert.Equal((decimal)total, plan.Estimate.Total);
        Assert.Equal(seconds, plan.Options.OutputSeconds);
        Assert.Equal(["prompt"], plan.Request!.Body.Select(p => p.Key));
    }

    [Theory]
    [InlineData(2.5, "2.5 s", "2.958 s", "shorter")]
    [InlineData(10.0, "10.0 s", "9.958 s", "longer")]
    public async Task A_shot_outside_the_edits_3_to_10_seconds_is_refused_with_both_numbers(double seconds, string shotText, string limitText, string word)
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds }] };

        await GuideFrames.AssertRefusedWithBothNumbersAsync(() => PlanEditAsync(scene), seconds, shotText, limitText, word);
    }

    [Fact]
    public async Task Start_frame_on_gemini_omni_flash_sends_exactly_the_fields_of_fals_image_to_video_schema()
    {
        var plan = await PlanStartFrameAsync(_scenes.Scene);

        var request = Assert.IsType<HostedRequest>(plan.Request);
        Assert.Equal((HostedProvider.Fal, GeminiOmniFlash.ImageToVideo), (request.Provider, request.Endpoint));
        var body = GuideFrames.AsVendorSees(request, FalFiles);

        // The shot's captured start, its 4 s as an integer and its 16:9; no seed or negative prompt (fal's type has neither).
        var expected = new JsonObject
        {
            ["prompt"] = plan.Prompt.Text,
            ["image_url"] = FalFiles + "start.png",
            ["duration"] = 4,
            ["aspect_ratio"] = "16:9",
        };
        Assert.True(JsonNode.DeepEquals(expected, body), body.ToJsonString());
        GeminiOmniFlash.ImageToVideoSchema.AssertAccepts(body);
        var start = Assert.Single(plan.Inputs);
        Assert.Equal(("start-frame", "Direct Render capture (shaded) at 0 s into the shot", "/image_url", 1280, 720), (start.Role, start.Source, start.Field, start.Width, start.Height));
        Assert.Null(plan.Guide);
        Assert.Contains(plan.Notes, n => n.Contains("seed 7", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, n => n.Contains("not sent: negative prompt", StringComparison.Ordinal));
        // References go only where asked for (previz generate --references), to reference-to-video, which takes no frame.
        Assert.All(plan.References, r => Assert.False(r.Sent));
        Assert.All(plan.References, r => Assert.Contains($"takes references only on {GeminiOmniFlash.ReferenceToVideo}", r.Reason, StringComparison.Ordinal));

        // The uploaded picture is the shot at 0 s: Direct Render's shaded still then.
        using var sent = Image.Load<Rgb24>(Assert.Single(request.Files).Content.Span);
        using var atStart = await GuideFrames.StillAsync(_scenes.Scene, _scenes.Folder, _scenes.Scene.Shots[0], 0, RenderPass.Shaded);
        var error = PixelStatistics.MeanAbsoluteDifference(sent, atStart);
        Assert.True(error < 2.5, $"start frame vs shaded still at 0 s: {error:0.00}");
    }

    [Theory]
    // The shot's length rounded up to whole seconds within 3–10 (a shorter clip is trimmed), at fal's approximate $0.13/s;
    // the aspect is the shot's or the nearest of 16:9 and 9:16.
    [InlineData(2.0, "16:9", 3, "16:9", 0.39)]
    [InlineData(6.2, "9:16", 7, "9:16", 0.91)]
    [InlineData(10.0, "2.39:1", 10, "16:9", 1.30)]
    public async Task A_start_frame_clip_is_the_shots_length_in_whole_seconds_from_3_to_10(double seconds, string shotAspect, int duration, string aspect, double total)
    {
        Assert.True(AspectRatio.TryParse(shotAspect, out var ratio));
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = seconds, Aspect = ratio }] };

        var plan = await PlanStartFrameAsync(scene);

        var body = plan.Request!.Body;
        Assert.Equal(duration, VendorSchema.AsLong(body["duration"]));
        Assert.Equal(aspect, (string?)body["aspect_ratio"]);
        GeminiOmniFlash.ImageToVideoSchema.AssertAccepts(GuideFrames.AsVendorSees(plan.Request, FalFiles));
        Assert.Equal((duration, Math.Min(seconds, duration)), (plan.Options.ClipSeconds, plan.Options.OutputSeconds));
        Assert.Equal((decimal)total, plan.Estimate.Total);
    }

    [Fact]
    public async Task A_start_frame_shot_over_10_s_is_refused_with_both_numbers_unless_the_cap_is_accepted()
    {
        var scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = 12 }] };

        var error = await Assert.ThrowsAsync<ShotTooLongException>(() => PlanStartFrameAsync(scene));
        Assert.Equal((12.0, 10), (error.ShotSeconds, error.MaxSeconds));
        Assert.Contains("12.0 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("3–10 s (whole seconds)", error.Message, StringComparison.Ordinal);

        var capped = await PlanStartFrameAsync(scene, new VideoRequestOptions { AcceptDurationCap = true });
        Assert.Equal(10, VendorSchema.AsLong(capped.Request!.Body["duration"]));
    }

    [Fact]
    public async Task Start_and_end_is_refused_naming_the_modes_gemini_omni_flash_has()
    {
        var spec = StartFrameSpec(_scenes.Scene, VideoRequestOptions.Defaults) with { Mode = VisualizerMode.StartEnd };

        var error = await Assert.ThrowsAsync<UnsupportedOptionException>(() => new GenerationPlanner(ModelCatalog.Default, keys: null).PlanAsync(spec, CancellationToken.None));

        Assert.Contains(ModelId, error.Message, StringComparison.Ordinal);
        Assert.Contains("start-end", error.Message, StringComparison.Ordinal);
        Assert.Contains("start-frame", error.Message, StringComparison.Ordinal);
        Assert.Contains("from-animation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_frame_asked_to_send_references_goes_to_reference_to_video_with_every_picture_and_no_frame()
    {
        var plan = await new GenerationPlanner(ModelCatalog.Default, keys: null).PlanAsync(
            StartFrameSpec(_scenes.Scene, VideoRequestOptions.Defaults) with { SendReferences = true, UseReferenceEndpoint = true }, CancellationToken.None);

        var request = Assert.IsType<HostedRequest>(plan.Request);
        Assert.Equal(GeminiOmniFlash.ReferenceToVideo, request.Endpoint);
        var body = GuideFrames.AsVendorSees(request, FalFiles);
        GeminiOmniFlash.ReferenceToVideoSchema.AssertAccepts(body);
        Assert.Equal(["aspect_ratio", "duration", "image_urls", "prompt"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        // Heroes first, in scene order; the missing picture is the only one dropped (Google's 10 is not reached).
        Assert.Equal(["refs/robot-front.png", "refs/robot-side.png", "refs/car-front.png", "refs/car-side.png", "refs/car-back.png", "refs/cone.png"],
            plan.References.Where(r => r.Sent).Select(r => r.Path));
        Assert.Equal("file not found", Assert.Single(plan.References, r => !r.Sent).Reason);
        Assert.Equal([.. Enumerable.Range(0, 6).Select(i => $"/image_urls/{i}")], request.Files.Select(f => f.TargetField));
        Assert.Contains(plan.Notes, n => n.Contains($"using {GeminiOmniFlash.ReferenceToVideo}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task From_animation_keeps_the_guide_edit_when_references_are_asked_for_and_says_why_none_is_sent()
    {
        var spec = StartFrameSpec(_scenes.Scene, VideoRequestOptions.Defaults) with { Mode = VisualizerMode.FromAnimation, SendReferences = true, UseReferenceEndpoint = true };
        var plan = await new GenerationPlanner(ModelCatalog.Default, keys: null).PlanAsync(spec, CancellationToken.None);

        Assert.Equal(GeminiOmniFlash.Edit, plan.Request!.Endpoint);
        Assert.Equal(["/video_url"], plan.Request.Files.Select(f => f.TargetField));
        Assert.NotEmpty(plan.References);
        Assert.All(plan.References, r => Assert.False(r.Sent));
        Assert.All(plan.References, r => Assert.Contains("takes no guide video", r.Reason, StringComparison.Ordinal));
    }

    private Task<GenerationPlan> PlanEditAsync(SceneDocument scene, FrameSource? start = null, ResolutionTier resolution = ResolutionTier.Preview1K) =>
        GuideFrames.PlanAsync(scene, _scenes.Folder, ModelId, start, new VideoRequestOptions { Resolution = resolution }, "blurry, warped");

    private Task<GenerationPlan> PlanStartFrameAsync(SceneDocument scene, VideoRequestOptions? options = null) =>
        new GenerationPlanner(ModelCatalog.Default, keys: null).PlanAsync(StartFrameSpec(scene, options ?? VideoRequestOptions.Defaults), CancellationToken.None);

    private GenerationSpec StartFrameSpec(SceneDocument scene, VideoRequestOptions options) => new()
    {
        Scene = scene,
        SceneFolder = _scenes.Folder,
        Mode = VisualizerMode.StartFrame,
        ModelId = ModelId,
        Seed = 7,
        NegativePrompt = "blurry, warped",
        Options = options,
    };
}
