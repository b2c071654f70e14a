using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Scenes;

namespace Previz.Core.Tests.Catalog;

public class VendorRequestBuilderTests
{
    private static ModelCatalog Catalog => ModelCatalog.Default;

    public static TheoryData<string, VisualizerMode> HostedPairs()
    {
        var data = new TheoryData<string, VisualizerMode>();
        foreach (var m in ModelCatalog.Default.Models.Where(m => m.IsAvailable && m.Provider != ModelProvider.DirectRender))
        {
            foreach (var mode in m.Modes)
            {
                data.Add(m.Id, mode);
            }
        }

        return data;
    }

    private static Shot ShotOf(double seconds, string aspect = "16:9")
    {
        Assert.True(AspectRatio.TryParse(aspect, out var ratio));
        return new Shot { Id = "s", CameraId = "c", Duration = seconds, Aspect = ratio };
    }

    private static VendorRequest Build(string id, VisualizerMode mode, Shot shot, VideoRequestOptions? request = null, FrameInputs? frames = null, int? seed = null)
    {
        var options = OptionsResolver.Default.Resolve(mode, Catalog.Get(id), shot, request ?? new());
        return VendorRequestBuilder.Build(options, "a prompt", frames ?? new FrameInputs("https://x/start.png", "https://x/end.png"), seed, "blur");
    }

    [Theory]
    [MemberData(nameof(HostedPairs))]
    public void Every_hosted_model_and_mode_sends_only_fields_its_schema_names(string id, VisualizerMode mode)
    {
        var model = Catalog.Get(id);
        var endpoint = model.Endpoint(mode)!;
        var f = endpoint.Fields;
        var request = Build(id, mode, ShotOf(4), seed: 7);
        string?[] known =
        [
            f.Prompt, f.StartImage, f.EndImage, f.Keyframes, f.KeyframeIndexes, f.Duration, f.AspectRatio, f.Resolution,
            f.Audio, f.NegativePrompt, f.Seed, f.ImageCount, .. f.Constants.Keys,
        ];
        Assert.Equal(endpoint.Id, request.EndpointId);
        Assert.All(request.Body.Keys, k => Assert.Contains(k, known));
        Assert.Equal("a prompt", request.Body[f.Prompt]);
        if (f.Audio is not null)
        {
            Assert.Equal(false, request.Body[f.Audio]); // sent even when off: some vendors default to on
        }

        Assert.Equal(f.Seed is null, request.Notes.Any(n => n.StartsWith("seed not sent", StringComparison.Ordinal)));
    }

    [Fact]
    public void Veo_start_end_sends_first_and_last_frame_urls_and_an_s_suffixed_duration()
    {
        var r = Build("veo-3.1", VisualizerMode.StartEnd, ShotOf(5), new() { Resolution = ResolutionTier.Final2K });
        Assert.Equal("fal-ai/veo3.1/first-last-frame-to-video", r.EndpointId);
        Assert.Equal("https://x/start.png", r.Body["first_frame_url"]);
        Assert.Equal("https://x/end.png", r.Body["last_frame_url"]);
        Assert.Equal("6s", r.Body["duration"]);
        Assert.Equal("1080p", r.Body["resolution"]);
        Assert.Equal("16:9", r.Body["aspect_ratio"]);
        Assert.False(r.Body.ContainsKey("seed"));
    }

    [Fact]
    public void Kling_2_1_pro_sends_a_tail_image_and_no_aspect_or_seed()
    {
        var r = Build("kling-2.1-pro", VisualizerMode.StartEnd, ShotOf(8), seed: 42);
        Assert.Equal("https://x/start.png", r.Body["image_url"]);
        Assert.Equal("https://x/end.png", r.Body["tail_image_url"]);
        Assert.Equal("10", r.Body["duration"]);
        Assert.Equal("blur", r.Body["negative_prompt"]);
        Assert.False(r.Body.ContainsKey("aspect_ratio"));
        Assert.False(r.Body.ContainsKey("seed"));
        Assert.Contains(r.Notes, n => n.Contains("seed not sent", StringComparison.Ordinal));
    }

    [Fact]
    public void Runway_sends_the_model_an_integer_duration_and_a_pixel_ratio()
    {
        var r = Build("runway-gen-4.5", VisualizerMode.StartFrame, ShotOf(4.5, "2.39:1"), seed: 3);
        Assert.Equal("/v1/image_to_video", r.EndpointId);
        Assert.Equal("gen4.5", r.Body["model"]);
        Assert.Equal("a prompt", r.Body["promptText"]);
        Assert.Equal("https://x/start.png", r.Body["promptImage"]);
        Assert.Equal(5, r.Body["duration"]);
        Assert.Equal("1584:672", r.Body["ratio"]);
        Assert.Equal(3, r.Body["seed"]);
        Assert.Contains(r.Notes, n => n.Contains("end frame not sent", StringComparison.Ordinal));
    }

    [Fact]
    public void Luma_ray_3_2_pins_start_in_between_and_end_frames_at_24_fps_indexes()
    {
        var frames = new FrameInputs("s.png", "e.png") { Keyframes = [new TimedFrame("m.png", 2.0)] };
        var r = Build("luma-ray-3.2", VisualizerMode.FromAnimation, ShotOf(5), frames: frames);
        Assert.Equal(new[] { "s.png", "m.png", "e.png" }, r.Body["keyframes"]);
        Assert.Equal(new[] { 0, 48, 119 }, r.Body["keyframe_indexes"]);
        Assert.Equal("5s", r.Body["duration"]);
    }

    [Fact]
    public void Image_models_that_take_a_list_get_the_capture_in_a_list()
    {
        var r = Build("nano-banana-pro", VisualizerMode.Image, ShotOf(4), frames: new FrameInputs("capture.png"));
        Assert.Equal(new[] { "capture.png" }, r.Body["image_urls"]);
        Assert.Equal(1, r.Body["num_images"]);
        Assert.Equal("1K", r.Body["resolution"]);
    }

    [Fact]
    public void A_missing_end_frame_in_start_end_is_a_user_error()
    {
        var ex = Assert.Throws<UserErrorException>(() =>
            Build("kling-2.6-pro", VisualizerMode.StartEnd, ShotOf(4), frames: new FrameInputs("s.png")));
        Assert.Contains("end frame", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Kling 2.6 Pro", ex.Message, StringComparison.Ordinal);
    }
}
