using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Scenes;

namespace Previz.Core.Tests.Catalog;

public class ModelCatalogTests
{
    private static ModelCatalog Catalog { get; } = ModelCatalog.Default;

    public static TheoryData<string> AllModelIds()
    {
        var data = new TheoryData<string>();
        foreach (var m in ModelCatalog.Default.Models)
        {
            data.Add(m.Id);
        }

        return data;
    }

    [Fact]
    public void The_catalog_holds_the_fourteen_seed_video_models_direct_render_and_image_models()
    {
        string[] seed =
        [
            "Veo 3.1", "Veo 3.1 Fast", "Kling 2.0 Master", "Kling 2.1 Standard", "Kling 2.1 Pro", "Kling 2.1 Master",
            "Kling 2.5 Turbo Pro", "Kling 2.6 Pro", "Kling 3 Standard", "Kling 3 Pro", "Luma Ray 3", "Luma Ray 3.14",
            "Seedance 2.0", "Runway Gen-4.5",
        ];
        foreach (var name in seed)
        {
            Assert.Contains(Catalog.Models, m => m.DisplayName == name && m.Kind == ModelKind.Video);
        }

        Assert.Contains(Catalog.Models, m => m.Id == "direct-render" && m.ExactMotion && m.Pricing.Rule == BillingRule.Free);
        Assert.True(Catalog.Models.Count(m => m.Kind == ModelKind.Image && m.Provider != ModelProvider.DirectRender) >= 3);
        Assert.Contains(Catalog.Models, m => m.Kind == ModelKind.Image && m.Provider == ModelProvider.DirectRender);
    }

    [Fact]
    public void Image_mode_lists_exactly_the_image_models()
    {
        var expected = Catalog.Models.Where(m => m.Kind == ModelKind.Image).Select(m => m.Id).Order();
        Assert.Equal(expected, Catalog.ForMode(VisualizerMode.Image).Select(l => l.Model.Id).Order());
    }

    [Fact]
    public void Start_frame_lists_direct_render_and_every_video_model_whose_api_takes_a_first_frame()
    {
        // From the request-field data, not from the computed modes.
        var expected = Catalog.Models
            .Where(m => m.Kind == ModelKind.Video && (m.ExactMotion || TakesFirstFrame(m.Endpoint(VisualizerMode.StartFrame)) || (!m.IsAvailable && m.Inputs.StartFrame)))
            .Select(m => m.Id).Order();
        Assert.Equal(expected, Catalog.ForMode(VisualizerMode.StartFrame).Select(l => l.Model.Id).Order());
    }

    [Fact]
    public void Start_end_lists_exactly_the_models_whose_api_takes_an_end_frame()
    {
        var expected = Catalog.Models
            .Where(m => m.Kind == ModelKind.Video && (m.ExactMotion || TakesLastFrame(m.Endpoint(VisualizerMode.StartEnd)) || (!m.IsAvailable && m.Inputs.EndFrame)))
            .Select(m => m.Id).Order().ToList();
        var listed = Catalog.ForMode(VisualizerMode.StartEnd).Select(l => l.Model.Id).Order().ToList();
        Assert.Equal(expected, listed);
        Assert.DoesNotContain("kling-2.1-standard", listed);
        Assert.DoesNotContain("runway-gen-4.5", listed);
        Assert.Contains("kling-2.1-pro", listed);
    }

    [Fact]
    public void From_animation_lists_direct_render_first_then_guided_models_then_frames_plus_description()
    {
        var listing = Catalog.ForMode(VisualizerMode.FromAnimation);
        var expected = Catalog.Models.Where(m => m.Kind == ModelKind.Video).Select(m => m.Id).Order();
        Assert.Equal(expected, listing.Select(l => l.Model.Id).Order());
        Assert.Equal("direct-render", listing[0].Model.Id);
        Assert.Equal(AnimationGuidance.ExactMotion, listing[0].Guidance);

        // The kind of each entry follows from its inputs, and the listing is grouped best first.
        foreach (var l in listing)
        {
            var inputs = l.Model.Inputs;
            var kind = l.Model.ExactMotion ? AnimationGuidance.ExactMotion
                : inputs.GuideVideo is not null ? AnimationGuidance.GuideVideo
                : inputs.MaxTimedKeyframes > 1 ? AnimationGuidance.TimedKeyframes
                : inputs.CameraParameters != CameraParameterKind.None ? AnimationGuidance.CameraParameters
                : AnimationGuidance.FramesAndDescription;
            Assert.Equal(kind, l.Guidance);
            Assert.False(string.IsNullOrWhiteSpace(l.GuidanceText));
        }

        Assert.Equal(listing.Select(l => (int)l.Guidance).Order(), listing.Select(l => (int)l.Guidance));
        Assert.Contains(listing, l => l.Model.Id == "luma-ray-3.2" && l.Guidance == AnimationGuidance.TimedKeyframes);
    }

    [Theory]
    [MemberData(nameof(AllModelIds))]
    public void Every_available_hosted_model_names_an_endpoint_a_key_and_a_price_for_each_of_its_modes(string id)
    {
        var m = Catalog.Get(id);
        Assert.NotEmpty(m.Modes);
        Assert.False(string.IsNullOrWhiteSpace(m.Source));
        Assert.False(string.IsNullOrWhiteSpace(m.Pricing.Source));
        if (m.Provider == ModelProvider.DirectRender)
        {
            Assert.Null(m.ApiKeyVariable);
            return;
        }

        Assert.False(string.IsNullOrWhiteSpace(m.ApiKeyVariable));
        if (!m.IsAvailable)
        {
            Assert.Empty(m.Endpoints);
            return;
        }

        Assert.True(m.Pricing.IsKnown);
        foreach (var mode in m.Modes)
        {
            var endpoint = m.Endpoint(mode);
            Assert.NotNull(endpoint);
            if (mode == VisualizerMode.StartEnd)
            {
                Assert.True(TakesLastFrame(endpoint));
            }

            if (m.Kind == ModelKind.Video && m.Inputs.GuideVideo is { } guide && mode == VisualizerMode.FromAnimation)
            {
                // The guide video sets the length: limits in frames and frame rates. A vendor length field goes with a set of
                // lengths whose longest covers the longest guide (the shortest covering one is sent). Without one the clip is
                // as long as the guide, and any lengths are those of the model's other modes (Gemini Omni Flash's edit).
                if (endpoint.Fields.Duration is not null)
                {
                    var lengths = Assert.IsType<DurationSpec>(m.Durations);
                    Assert.True(lengths.Max >= (guide.MaxFrames - 1) / (double)guide.MinFps - 1e-9, $"{m.Id}: {lengths} vs {guide.LimitsText()}");
                }
                else
                {
                    Assert.True(m.Durations is null || m.Modes.Any(o => o != mode && m.Endpoint(o)?.Fields.Duration is not null), $"{m.Id}: lengths no endpoint takes");
                }

                Assert.InRange(guide.PreferredFps, guide.MinFps, guide.MaxFps);
                Assert.True(guide.MinFrames <= guide.MaxFrames);
                Assert.False(string.IsNullOrWhiteSpace(guide.Field));
            }
            else if (m.Kind == ModelKind.Video)
            {
                Assert.NotNull(endpoint.Fields.Duration);
                Assert.NotNull(m.Durations);
            }
        }

        foreach (var tier in ResolutionTiers.All)
        {
            var vendor = m.VendorResolution(tier);
            Assert.NotNull(vendor);
            // A model on the user's own server (ComfyUI) is free: there is no price row to find.
            Assert.True(m.Pricing.Rule == BillingRule.Free ? m.Provider == ModelProvider.ComfyUI : m.Pricing.RowFor(vendor) is not null);
        }

        // Sound on request needs a request flag; a model that always makes sound (Native) has none to send.
        Assert.Equal(m.Audio == AudioSupport.Optional, m.Endpoints.Values.Any(e => e.Fields.Audio is not null));
    }

    [Theory]
    [InlineData("luma-ray-3")]
    [InlineData("luma-ray-3.14")]
    public void Luma_ray_3_and_3_14_are_unavailable_with_the_reason_and_never_substituted(string id)
    {
        var m = Catalog.Get(id);
        Assert.False(m.IsAvailable);
        Assert.Contains("ray-3.2", m.Availability.Reason, StringComparison.Ordinal);
        var listing = Catalog.ForMode(VisualizerMode.StartFrame).Single(l => l.Model.Id == id);
        Assert.False(listing.IsAvailable);
        var shot = new Shot { Id = "s", CameraId = "c", Duration = 4 };
        var ex = Assert.Throws<ModelUnavailableException>(() => OptionsResolver.Default.Resolve(VisualizerMode.StartFrame, m, shot, new()));
        Assert.Contains(m.DisplayName, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kling_4_is_listed_as_unavailable_until_fal_opens_its_api_and_is_never_priced_or_run()
    {
        var m = Catalog.Get("kling-4.0");
        Assert.False(m.IsAvailable);
        Assert.Contains("coming soon", m.Availability.Reason, StringComparison.Ordinal);
        Assert.Empty(m.Endpoints);
        Assert.False(m.Pricing.IsKnown);
        Assert.Contains(Catalog.ForMode(VisualizerMode.StartEnd), l => l.Model.Id == m.Id && !l.IsAvailable);
        var shot = new Shot { Id = "s", CameraId = "c", Duration = 4 };
        var ex = Assert.Throws<ModelUnavailableException>(() => OptionsResolver.Default.Resolve(VisualizerMode.StartEnd, m, shot, new()));
        Assert.Contains("coming soon", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vendor_field_names_are_kept_per_model_and_mode()
    {
        var veoEnd = Catalog.Get("veo-3.1").Endpoint(VisualizerMode.StartEnd)!;
        Assert.Equal("fal-ai/veo3.1/first-last-frame-to-video", veoEnd.Id);
        Assert.Equal(("first_frame_url", "last_frame_url"), (veoEnd.Fields.StartImage, veoEnd.Fields.EndImage));
        Assert.Equal("8s", veoEnd.Fields.FormatDuration(8));
        Assert.Equal("image_url", Catalog.Get("veo-3.1").Endpoint(VisualizerMode.StartFrame)!.Fields.StartImage);

        var kling21 = Catalog.Get("kling-2.1-pro").Endpoint(VisualizerMode.StartEnd)!.Fields;
        Assert.Equal(("image_url", "tail_image_url"), (kling21.StartImage, kling21.EndImage));
        Assert.Equal("5", kling21.FormatDuration(5));
        Assert.Null(kling21.AspectRatio);
        Assert.Null(kling21.Seed);

        var kling26 = Catalog.Get("kling-2.6-pro").Endpoint(VisualizerMode.StartEnd)!.Fields;
        Assert.Equal(("start_image_url", "end_image_url", "generate_audio"), (kling26.StartImage, kling26.EndImage, kling26.Audio));

        var runway = Catalog.Get("runway-gen-4.5").Endpoint(VisualizerMode.StartFrame)!.Fields;
        Assert.Equal(("promptText", "promptImage", "ratio"), (runway.Prompt, runway.StartImage, runway.AspectRatio));
        Assert.Equal(5, runway.FormatDuration(5));
        Assert.Null(runway.EndImage);
    }

    [Fact]
    public void An_unknown_model_id_is_refused_with_the_known_ids()
    {
        var ex = Assert.Throws<UnknownModelException>(() => Catalog.Get("sora-2"));
        Assert.Contains("sora-2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("veo-3.1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookups_ignore_case()
    {
        Assert.Same(Catalog.Get("kling-2.1-pro"), Catalog.Get("KLING-2.1-PRO"));
    }

    [Fact]
    public void A_missing_key_is_reported_with_the_variable_name()
    {
        var veo = Catalog.Get("veo-3.1");
        Assert.False(ApiKeys.IsKeySet(veo, _ => null));
        Assert.Contains("FAL_KEY", ApiKeys.MissingKeyMessage(veo, _ => " "), StringComparison.Ordinal);
        Assert.True(ApiKeys.IsKeySet(veo, v => v == "FAL_KEY" ? "secret" : null));
        Assert.True(ApiKeys.IsKeySet(Catalog.Get("direct-render"), _ => null));
        Assert.Equal("RUNWAYML_API_SECRET", Catalog.Get("runway-gen-4.5").ApiKeyVariable);
    }

    private static bool TakesFirstFrame(VendorEndpoint? e) => e is not null && (e.Fields.StartImage is not null || e.Fields.Keyframes is not null);

    private static bool TakesLastFrame(VendorEndpoint? e) => e is not null && (e.Fields.EndImage is not null || e.Fields.Keyframes is not null);
}
