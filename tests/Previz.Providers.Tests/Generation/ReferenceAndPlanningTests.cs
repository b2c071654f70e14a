using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Prompting;
using Previz.Providers.Configuration;
using Previz.Providers.Errors;
using Previz.Providers.Generation;
using Previz.Providers.Inputs;

namespace Previz.Providers.Tests.Generation;

public sealed class ReferenceAndPlanningTests : IDisposable
{
    private readonly GenerationScenes _scenes = new();

    public void Dispose() => _scenes.Dispose();

    private GenerationSpec Spec(string model, VisualizerMode mode = VisualizerMode.StartFrame) => new()
    {
        Scene = _scenes.Scene,
        SceneFolder = _scenes.Folder,
        ModelId = model,
        Mode = mode,
    };

    private static Task<GenerationPlan> Plan(GenerationSpec spec) => new GenerationPlanner(ModelCatalog.Default, keys: null).PlanAsync(spec, CancellationToken.None);

    [Fact]
    public async Task Veo_reference_to_video_sends_three_pictures_heroes_first_and_reports_the_rest_dropped()
    {
        var plan = await Plan(Spec("veo-3.1") with { UseReferenceEndpoint = true });

        Assert.Equal("fal-ai/veo3.1/reference-to-video", plan.Request!.Endpoint);
        Assert.False(plan.Request.Body.ContainsKey("image_url"));
        Assert.Equal(["refs/robot-front.png", "refs/robot-side.png", "refs/car-front.png"], plan.References.Where(r => r.Sent).Select(r => r.Path));
        Assert.Equal(["/image_urls/0", "/image_urls/1", "/image_urls/2"], plan.Request.Files.Select(f => f.TargetField));
        var dropped = plan.References.Where(r => !r.Sent).ToDictionary(r => r.Path, r => r.Reason);
        Assert.Equal("file not found", dropped["refs/missing.png"]);
        Assert.Contains("limit of 3 reference images", dropped["refs/car-side.png"], StringComparison.Ordinal);
        Assert.Contains("limit of 3 reference images", dropped["refs/car-back.png"], StringComparison.Ordinal);
        Assert.Contains("limit of 3 reference images", dropped["refs/cone.png"], StringComparison.Ordinal);
        Assert.Equal(7, plan.References.Count);
        // References keep their own aspect (64×48), only scaled to the limits.
        Assert.All(plan.Inputs, i => Assert.Equal((64, 48), (i.Width, i.Height)));
    }

    [Fact]
    public async Task Veo_image_to_video_keeps_the_start_frame_and_says_why_references_were_not_sent()
    {
        var plan = await Plan(Spec("veo-3.1"));

        Assert.Equal("fal-ai/veo3.1/image-to-video", plan.Request!.Endpoint);
        Assert.Equal("/image_url", Assert.Single(plan.Request.Files).TargetField);
        Assert.All(plan.References, r => Assert.False(r.Sent));
        Assert.All(plan.References, r => Assert.Contains("reference-to-video", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kling_3_sends_one_element_per_object_heroes_first_named_in_the_prompt()
    {
        var plan = await Plan(Spec("kling-3-pro"));

        var elements = Assert.IsType<JsonArray>(plan.PreviewBody()!["elements"]);
        Assert.Equal(3, elements.Count);
        Assert.Contains("ref-robot-1.png", (string?)elements[0]!["frontal_image_url"], StringComparison.Ordinal);
        Assert.Single(elements[0]!["reference_image_urls"]!.AsArray());
        Assert.Contains("ref-car-1.png", (string?)elements[1]!["frontal_image_url"], StringComparison.Ordinal);
        Assert.Equal(2, elements[1]!["reference_image_urls"]!.AsArray().Count);
        Assert.Contains("ref-cone-1.png", (string?)elements[2]!["frontal_image_url"], StringComparison.Ordinal);
        Assert.Null(elements[2]!["reference_image_urls"]);
        Assert.StartsWith("@Element1 is the robot; @Element2 is the red car; @Element3 is the traffic cone.", plan.Prompt.Text, StringComparison.Ordinal);
        Assert.Equal("file not found", Assert.Single(plan.References, r => !r.Sent).Reason);
    }

    [Fact]
    public async Task A_model_without_references_drops_them_all_with_the_reason()
    {
        var plan = await Plan(Spec("kling-2.1-pro"));

        Assert.All(plan.References, r => Assert.Equal("Kling 2.1 Pro takes no object references", r.Reason));
        Assert.Equal(["/image_url"], plan.Request!.Files.Select(f => f.TargetField));
    }

    [Fact]
    public async Task From_animation_on_luma_pins_rendered_keyframes_at_frame_positions_of_the_shot()
    {
        var plan = await Plan(Spec("luma-ray-3.2", VisualizerMode.FromAnimation));

        var body = plan.Request!.Body;
        // 4 s shot at 24 fps: frames 0…95; one keyframe per second plus the last frame, at the endpoint's 24 fps.
        Assert.Equal("[0,24,48,71,95]", body["keyframe_indexes"]!.ToJsonString());
        Assert.Equal(["/keyframes/0", "/keyframes/1", "/keyframes/2", "/keyframes/3", "/keyframes/4"], plan.Request.Files.Select(f => f.TargetField));
        Assert.Equal("5s", (string?)body["duration"]);
        // The frames differ: the camera trucks right over the shot.
        Assert.NotEqual(plan.Request.Files[0].Content.ToArray(), plan.Request.Files[4].Content.ToArray());
        Assert.Contains("[Camera Motion]", plan.Prompt.Text, StringComparison.Ordinal);
        Assert.Contains("trucks", plan.Prompt.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runway_gets_its_model_pixel_ratio_integer_duration_and_seed()
    {
        var plan = await Plan(Spec("runway-gen-4.5") with { Seed = 42, Options = new VideoRequestOptions { Aspect = "portrait" } });

        var body = plan.Request!.Body;
        Assert.Equal(Previz.Providers.Hosting.HostedProvider.Runway, plan.Request.Provider);
        Assert.Equal("image_to_video", plan.Request.Endpoint);
        Assert.Equal("gen4.5", (string?)body["model"]);
        Assert.Equal("720:1280", (string?)body["ratio"]);
        Assert.Equal(4, (int)body["duration"]!);
        Assert.Equal(42, (long)body["seed"]!);
        Assert.Equal("/promptImage", Assert.Single(plan.Request.Files).TargetField);
        // The 16:9 capture is cropped to Runway's 720×1280, not squeezed.
        var start = Assert.Single(plan.Inputs);
        Assert.Equal((720, 1280), (start.Width, start.Height));
        Assert.Contains("cropped", start.Fitting, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_key_is_refused_naming_the_variable()
    {
        var keys = new ProviderKeys(new ConfigurationBuilder().AddInMemoryCollection().Build());
        var planner = new GenerationPlanner(ModelCatalog.Default, keys);

        var error = await Assert.ThrowsAsync<MissingApiKeyException>(() => planner.PlanAsync(Spec("kling-2.1-pro"), CancellationToken.None));

        Assert.Equal("FAL_KEY", error.VariableName);
        Assert.Contains("FAL_KEY", error.Message, StringComparison.Ordinal);
        // Direct Render needs none.
        Assert.Null((await planner.PlanAsync(Spec("direct-render"), CancellationToken.None)).Request);
    }

    [Fact]
    public async Task Over_budget_unsupported_options_and_unavailable_models_are_typed_refusals()
    {
        await Assert.ThrowsAsync<BudgetExceededException>(() => Plan(Spec("veo-3.1") with { Budget = new ProjectBudget(0.50m) }));
        var audio = await Assert.ThrowsAsync<UnsupportedOptionException>(() => Plan(Spec("kling-2.1-pro") with { Options = new VideoRequestOptions { Audio = true } }));
        Assert.Equal("audio", audio.Option);
        await Assert.ThrowsAsync<ShotTooLongException>(() => Plan(Spec("veo-3.1") with { Scene = _scenes.Scene with { Shots = [_scenes.Scene.Shots[0] with { Duration = 9 }] } }));
        await Assert.ThrowsAsync<ModelUnavailableException>(() => Plan(Spec("luma-ray-3")));
    }

    [Fact]
    public async Task A_start_frame_file_is_fitted_and_an_end_capture_is_taken_at_the_shots_last_frame()
    {
        var file = Path.Combine(_scenes.Folder, "refs", "car-front.png");
        var plan = await Plan(Spec("kling-2.1-pro", VisualizerMode.StartEnd) with { StartFrame = FrameSource.File(file) });

        var start = Assert.Single(plan.Inputs, i => i.Role == "start-frame");
        Assert.Equal(file, start.Source);
        Assert.Equal((1920, 1080), (start.Width, start.Height));
        Assert.Contains("cropped 64×48 to 64×36", start.Fitting, StringComparison.Ordinal);
        var end = Assert.Single(plan.Inputs, i => i.Role == "end-frame");
        Assert.Contains("last frame", end.Source, StringComparison.Ordinal);
        Assert.Equal("/tail_image_url", end.Field);
    }

    [Fact]
    public async Task The_preview_body_shows_uploads_as_placeholders_and_the_prompt_as_sent()
    {
        var plan = await Plan(Spec("veo-3.1-fast", VisualizerMode.StartEnd));

        var preview = plan.PreviewBody()!;
        Assert.StartsWith("<upload start.png: image/png 1280×720, ", (string?)preview["first_frame_url"], StringComparison.Ordinal);
        Assert.StartsWith("<upload end.png: image/png 1280×720, ", (string?)preview["last_frame_url"], StringComparison.Ordinal);
        Assert.Equal(plan.Prompt.Text, (string?)preview["prompt"]);
        Assert.Equal("4s", (string?)preview["duration"]);
        Assert.False((bool)preview["generate_audio"]!);
        // The request itself is untouched by the preview.
        Assert.False(plan.Request!.Body.ContainsKey("first_frame_url"));
    }

    public static TheoryData<string> GuideModels() =>
        [.. ModelCatalog.Default.Models.Where(m => m.IsAvailable && m.Inputs.GuideVideo is not null).Select(m => m.Id)];

    /// <summary>
    /// In From Animation, a model that repaints the shaded guide (a restyle or video edit) is sent a prompt that opens with
    /// the instruction to keep the render's camera, layout and motion; a model given a control (depth) or only the guide's
    /// motion (Kling's motion control, whose look comes from its start frame) is sent the scene's description alone.
    /// </summary>
    [Theory]
    [MemberData(nameof(GuideModels))]
    public async Task Only_a_model_that_repaints_its_guide_is_told_to_keep_the_renders_motion(string modelId)
    {
        var plan = await GuideFrames.PlanAsync(_scenes.Scene, _scenes.Folder, modelId);

        var guide = ModelCatalog.Default.Get(modelId).Inputs.GuideVideo!;
        var opensWithInstruction = plan.Prompt.Text.StartsWith(RestyleInstruction.Text + "\n", StringComparison.Ordinal);
        Assert.Equal(guide.Pass == GuidePass.Shaded && !guide.RequiresStartFrame, opensWithInstruction);
        // The scene's own description follows either way, and the provenance records the prompt as sent.
        Assert.Contains("Test lot", plan.Prompt.Text, StringComparison.Ordinal);
        Assert.Equal(plan.Prompt.Text, plan.Provenance.Prompt.Text);
    }

    [Fact]
    public void The_restyle_routes_are_the_shaded_restyles_and_edits_and_kling_motion_control_and_depth_routes_are_not()
    {
        string[] repainting = [.. ModelCatalog.Default.Models.Where(m => m.Inputs.GuideVideo?.RepaintsGuide == true).Select(m => m.Id).Order(StringComparer.Ordinal)];

        Assert.Equal(["gemini-omni-flash", "luma-ray-3.2-edit-luma", "luma-ray-3.2-v2v", "runway-aleph-2", "seedance-2.0-runway-v2v"], repainting);
        Assert.Null(RestyleInstruction.For(ModelCatalog.Default.Get("runway-aleph-2"), VisualizerMode.StartFrame));
    }
}
