using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Scenes;

namespace Previz.Core.Tests.Options;

public class OptionsResolverTests
{
    private static ModelCatalog Catalog { get; } = ModelCatalog.Default;
    private static OptionsResolver Resolver { get; } = OptionsResolver.Default;

    public static TheoryData<string> AudiolessVideoModels()
    {
        var data = new TheoryData<string>();
        foreach (var m in ModelCatalog.Default.Models.Where(m => m.Kind == ModelKind.Video && m.IsAvailable && m.Audio == AudioSupport.None))
        {
            data.Add(m.Id);
        }

        return data;
    }

    private static Shot ShotOf(double seconds, string aspect = "16:9")
    {
        Assert.True(AspectRatio.TryParse(aspect, out var ratio));
        return new Shot { Id = "s", CameraId = "c", Duration = seconds, Aspect = ratio };
    }

    [Theory]
    [InlineData("kling-2.1-pro", 4.0, 5)]
    [InlineData("kling-2.1-pro", 5.0, 5)]
    [InlineData("kling-2.1-pro", 5.5, 10)]
    [InlineData("veo-3.1", 4.5, 6)]
    [InlineData("veo-3.1", 7.9, 8)]
    [InlineData("runway-gen-4.5", 4.2, 5)]
    [InlineData("runway-gen-4.5", 1.0, 2)]
    [InlineData("kling-3-pro", 12.04, 13)]
    [InlineData("gemini-omni-flash", 2.5, 3)]
    [InlineData("gemini-omni-flash", 6.2, 7)]
    [InlineData("gemini-omni-flash", 10.0, 10)]
    public void The_clip_is_the_shortest_supported_length_that_covers_the_shot(string id, double shotSeconds, int clip)
    {
        var resolved = Resolver.Resolve(VisualizerMode.StartFrame, Catalog.Get(id), ShotOf(shotSeconds), new());
        Assert.Equal(clip, resolved.ClipSeconds);
        Assert.Equal(shotSeconds, resolved.OutputSeconds, 6);
        Assert.Equal(clip > shotSeconds, resolved.Trimmed);
        if (resolved.Trimmed)
        {
            Assert.Contains(resolved.Notes, n => n.Contains("trimmed", StringComparison.Ordinal));
        }

        var offer = Resolver.Offer(VisualizerMode.StartFrame, Catalog.Get(id), ShotOf(shotSeconds));
        Assert.Equal(clip, offer.DefaultDuration);
        Assert.False(offer.ShotExceedsMaximum);
    }

    [Fact]
    public void A_shot_longer_than_the_maximum_is_refused_with_both_numbers_unless_the_cap_is_accepted()
    {
        var model = Catalog.Get("kling-2.1-pro");
        var shot = ShotOf(12);
        var ex = Assert.Throws<ShotTooLongException>(() => Resolver.Resolve(VisualizerMode.StartFrame, model, shot, new()));
        Assert.Equal((12.0, 10), (ex.ShotSeconds, ex.MaxSeconds));
        Assert.Contains("kling-2.1-pro", ex.Message, StringComparison.Ordinal);
        Assert.Contains("12.0 s", ex.Message, StringComparison.Ordinal);
        Assert.Contains("10 s", ex.Message, StringComparison.Ordinal);
        Assert.Contains("5 s, 10 s", ex.Message, StringComparison.Ordinal);

        var offer = Resolver.Offer(VisualizerMode.StartFrame, model, shot);
        Assert.True(offer.ShotExceedsMaximum);
        Assert.Equal(10, offer.DefaultDuration);

        var capped = Resolver.Resolve(VisualizerMode.StartFrame, model, shot, new VideoRequestOptions { AcceptDurationCap = true });
        Assert.Equal((10.0, 10.0), (capped.ClipSeconds, capped.OutputSeconds));
        Assert.Contains(capped.Notes, n => n.Contains("12.0 s", StringComparison.Ordinal) && n.Contains("first 10 s", StringComparison.Ordinal));
    }

    [Fact]
    public void A_start_frame_shot_over_gemini_omni_flashs_10_s_is_refused_with_both_numbers_unless_the_cap_is_accepted()
    {
        var model = Catalog.Get("gemini-omni-flash");
        var shot = ShotOf(10.5);

        var ex = Assert.Throws<ShotTooLongException>(() => Resolver.Resolve(VisualizerMode.StartFrame, model, shot, new()));
        Assert.Equal((10.5, 10), (ex.ShotSeconds, ex.MaxSeconds));
        Assert.Contains("10.5 s", ex.Message, StringComparison.Ordinal);
        Assert.Contains("3–10 s (whole seconds)", ex.Message, StringComparison.Ordinal);
        Assert.True(Resolver.Offer(VisualizerMode.StartFrame, model, shot).ShotExceedsMaximum);
        var capped = Resolver.Resolve(VisualizerMode.StartFrame, model, shot, new VideoRequestOptions { AcceptDurationCap = true });
        Assert.Equal((10.0, 10.0), (capped.ClipSeconds, capped.OutputSeconds));
    }

    [Fact]
    public void Direct_render_renders_the_shot_exactly_and_is_never_capped()
    {
        var resolved = Resolver.Resolve(VisualizerMode.FromAnimation, Catalog.Get("direct-render"), ShotOf(37.5, "2.39:1"), new());
        Assert.Equal(37.5, resolved.ClipSeconds);
        Assert.False(resolved.Trimmed);
        Assert.Equal(2.39, resolved.OutputAspect.Value, 3);
    }

    [Theory]
    [InlineData("kling-2.1-pro", 7.0, "5 s, 10 s")]
    [InlineData("veo-3.1-fast", 5.0, "4 s, 6 s, 8 s")]
    [InlineData("runway-gen-4.5", 11.0, "2–10 s (whole seconds)")]
    [InlineData("runway-gen-4.5", 4.5, "2–10 s (whole seconds)")]
    public void An_unsupported_duration_is_refused_naming_model_option_value_and_accepted_values(string id, double asked, string accepted)
    {
        var ex = Assert.Throws<UnsupportedOptionException>(() =>
            Resolver.Resolve(VisualizerMode.StartFrame, Catalog.Get(id), ShotOf(4), new VideoRequestOptions { Duration = asked }));
        Assert.Equal((id, "duration"), (ex.ModelId, ex.Option));
        Assert.Contains(id, ex.Message, StringComparison.Ordinal);
        Assert.Contains("duration", ex.Message, StringComparison.Ordinal);
        Assert.Contains(asked.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture) + " s", ex.Message, StringComparison.Ordinal);
        Assert.Contains(accepted, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("veo-3.1", "9:16", "9:16", false)]
    [InlineData("veo-3.1", "16:9", "16:9", false)]
    [InlineData("veo-3.1", "2.39:1", "16:9", true)]
    [InlineData("veo-3.1", "4:5", "9:16", true)]
    [InlineData("runway-gen-4.5", "2.39:1", "1584:672", true)]
    [InlineData("runway-gen-4.5", "9:16", "720:1280", false)]
    [InlineData("runway-gen-4.5", "1:1", "960:960", false)]
    public void The_orientation_follows_the_shot_or_the_nearest_the_model_has_and_says_so(string id, string shotAspect, string vendor, bool nearest)
    {
        var resolved = Resolver.Resolve(VisualizerMode.StartFrame, Catalog.Get(id), ShotOf(4, shotAspect), new());
        Assert.Equal(vendor, resolved.VendorAspect?.Value);
        Assert.Equal(nearest, resolved.Notes.Any(n => n.Contains("nearest", StringComparison.Ordinal)));
        if (nearest)
        {
            Assert.Contains(resolved.Notes, n => n.Contains(shotAspect, StringComparison.Ordinal) && n.Contains(vendor, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void An_orientation_can_be_asked_by_ratio_or_by_name_and_a_wrong_one_is_refused_with_the_accepted_values()
    {
        var runway = Catalog.Get("runway-gen-4.5");
        Assert.Equal("720:1280", Resolver.Resolve(VisualizerMode.StartFrame, runway, ShotOf(4), new() { Aspect = "9:16" }).VendorAspect?.Value);
        Assert.Equal("720:1280", Resolver.Resolve(VisualizerMode.StartFrame, runway, ShotOf(4), new() { Aspect = "portrait" }).VendorAspect?.Value);
        var ex = Assert.Throws<UnsupportedOptionException>(() =>
            Resolver.Resolve(VisualizerMode.StartFrame, Catalog.Get("veo-3.1"), ShotOf(4), new() { Aspect = "4:3" }));
        Assert.Contains("veo-3.1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"4:3\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("16:9", ex.Message, StringComparison.Ordinal);
        Assert.Contains("9:16", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AudiolessVideoModels))]
    public void Audio_is_refused_for_every_model_without_it_naming_the_models_that_have_it(string id)
    {
        var model = Catalog.Get(id);
        var mode = model.Modes[0];
        Assert.False(Resolver.Offer(mode, model, ShotOf(4)).AudioOffered);
        var ex = Assert.Throws<UnsupportedOptionException>(() =>
            Resolver.Resolve(mode, model, ShotOf(4), new VideoRequestOptions { Audio = true }));
        Assert.Equal("audio", ex.Option);
        Assert.Contains(id, ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"on\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("off", ex.Message, StringComparison.Ordinal);
        var capable = Catalog.AudioCapable(mode);
        Assert.NotEmpty(capable);
        foreach (var m in capable)
        {
            Assert.Contains(m.Id, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Audio_is_offered_and_taken_where_the_model_makes_it()
    {
        var veo = Catalog.Get("veo-3.1");
        Assert.True(Resolver.Offer(VisualizerMode.StartFrame, veo, ShotOf(4)).AudioOffered);
        Assert.True(Resolver.Resolve(VisualizerMode.StartFrame, veo, ShotOf(4), new() { Audio = true }).Audio);
        Assert.False(Resolver.Resolve(VisualizerMode.StartFrame, veo, ShotOf(4), new()).Audio);
    }

    [Fact]
    public void A_mode_the_model_cannot_do_is_refused_with_its_modes_and_the_models_that_can()
    {
        var ex = Assert.Throws<UnsupportedOptionException>(() =>
            Resolver.Resolve(VisualizerMode.StartEnd, Catalog.Get("kling-2.1-standard"), ShotOf(4), new()));
        Assert.Equal("mode", ex.Option);
        Assert.Contains("\"start-end\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("start-frame, from-animation", ex.Message, StringComparison.Ordinal);
        Assert.Contains("kling-2.1-pro", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("veo-3.1", ResolutionTier.Preview1K, "720p")]
    [InlineData("veo-3.1", ResolutionTier.Final2K, "1080p")]
    [InlineData("seedance-2.0", ResolutionTier.Final2K, "1080p")]
    [InlineData("kling-2.1-pro", ResolutionTier.Preview1K, "1080p")]
    public void Resolution_tiers_map_to_the_vendor_values(string id, ResolutionTier tier, string vendor)
    {
        var resolved = Resolver.Resolve(VisualizerMode.StartFrame, Catalog.Get(id), ShotOf(4), new() { Resolution = tier });
        Assert.Equal(vendor, resolved.VendorResolution);
    }

    [Fact]
    public void Image_mode_takes_no_duration_and_no_audio()
    {
        var flux = Catalog.Get("flux-kontext-pro");
        Assert.Equal(0, Resolver.Resolve(VisualizerMode.Image, flux, ShotOf(4), new()).ClipSeconds);
        Assert.Throws<UnsupportedOptionException>(() => Resolver.Resolve(VisualizerMode.Image, flux, ShotOf(4), new() { Duration = 5 }));
        Assert.Throws<UnsupportedOptionException>(() => Resolver.Resolve(VisualizerMode.Image, flux, ShotOf(4), new() { Audio = true }));
    }
}
