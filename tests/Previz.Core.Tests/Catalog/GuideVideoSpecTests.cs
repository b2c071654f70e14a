using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Scenes;

namespace Previz.Core.Tests.Catalog;

public sealed class GuideVideoSpecTests
{
    // fal's Wan VACE limits as documented (fal-js WanVace14bPoseInput): 81–241 frames, 5–30 fps, Wan's own 16 fps.
    private static readonly GuideVideoSpec Wan = new()
    {
        Pass = GuidePass.Depth,
        Field = "video_url",
        MinFrames = 81,
        MaxFrames = 241,
        MinFps = 5,
        MaxFps = 30,
        PreferredFps = 16,
        MaxLongEdge = 1280,
        Source = "test",
    };

    [Theory]
    [InlineData("runway-aleph-2", ModeInputs.StartFrame | ModeInputs.EndFrame)] // keyframes {uri, seconds}
    [InlineData("luma-ray-3.2-v2v", ModeInputs.StartFrame)] // start_image_url
    [InlineData("kling-2.6-motion-control", ModeInputs.StartFrame)] // image_url
    [InlineData("wan-2.2-vace-depth", ModeInputs.StartFrame)] // first_frame_url
    [InlineData("gemini-omni-flash", ModeInputs.None)] // its edit takes only a prompt and the video
    [InlineData("seedance-2.0-runway-v2v", ModeInputs.None)]
    [InlineData("luma-ray-3.2", ModeInputs.None)] // no guide: its keyframes are captures of the shot
    public void A_guide_models_own_pictures_are_the_ones_its_from_animation_endpoint_has_a_field_for(string modelId, ModeInputs expected)
    {
        Assert.Equal(expected, ModelCatalog.Default.Get(modelId).GuideFrames);
    }

    [Theory]
    [InlineData(5.0, 16, 81)] // 0, 1/16 … 5 s: exactly the minimum
    [InlineData(10.0, 16, 161)]
    [InlineData(15.0, 16, 241)]
    [InlineData(15.1, 15, 227)] // over 241 at 16 fps: the next slower rate
    [InlineData(4.0, 20, 81)] // under 81 at 16 fps: the next faster rate that reaches it
    [InlineData(2.7, 30, 82)]
    [InlineData(48.0, 5, 241)]
    public void A_shot_is_covered_at_the_preferred_rate_or_the_nearest_rate_within_the_limits(double seconds, int fps, int frames)
    {
        var timing = Wan.TimingFor(seconds);

        Assert.Equal(new GuideTiming(fps, frames), timing);
        // Every frame lies within the shot, and the guide reaches its end.
        Assert.True((frames - 1) / (double)fps <= seconds + 1e-9);
        Assert.True(frames / (double)fps > seconds);
    }

    [Theory]
    [InlineData(2.6)]
    [InlineData(48.3)]
    public void A_shot_no_allowed_rate_covers_has_no_timing(double seconds) => Assert.Null(Wan.TimingFor(seconds));

    [Fact]
    public void The_wan_vace_depth_model_does_from_animation_only_and_is_listed_as_driven_by_a_depth_guide()
    {
        var model = ModelCatalog.Default.Get("wan-2.2-vace-depth");

        Assert.Equal([VisualizerMode.FromAnimation], model.Modes);
        var listing = ModelCatalog.Default.ForMode(VisualizerMode.FromAnimation);
        var wan = Assert.Single(listing, l => l.Model.Id == model.Id);
        Assert.Equal(AnimationGuidance.GuideVideo, wan.Guidance);
        Assert.Equal("guide video: depth", wan.GuidanceText);
        Assert.False(wan.InventsMotion);
        // Guide models come right after Direct Render, before keyframe and frames + words models.
        Assert.Equal(1, listing.ToList().IndexOf(wan));
        var kling = Assert.Single(listing, l => l.Model.Id == "kling-2.1-pro");
        Assert.True(kling.InventsMotion);
        Assert.Equal("frames + words (invents the motion)", kling.GuidanceText);
        Assert.Equal("keyframes", Assert.Single(listing, l => l.Model.Id == "luma-ray-3.2").GuidanceText);
        Assert.DoesNotContain(ModelCatalog.Default.ForMode(VisualizerMode.StartFrame), l => l.Model.Id == model.Id);
    }

    [Fact]
    public void Options_for_a_guide_model_take_the_guides_length_and_the_estimate_counts_its_frames_at_16_fps()
    {
        var model = ModelCatalog.Default.Get("wan-2.2-vace-depth");
        var shot = new Shot { Id = "s", CameraId = "c", Duration = 10, Fps = 24, Aspect = AspectRatio.Landscape16x9 };

        var options = OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot, VideoRequestOptions.Defaults);
        var estimate = CostEstimator.Estimate(options);

        Assert.Equal(new GuideTiming(16, 161), options.Guide);
        Assert.Equal(161 / 16.0, options.ClipSeconds);
        Assert.Equal(10, options.OutputSeconds);
        Assert.Equal("720p", options.VendorResolution);
        // "$0.10 per video second for 720p … calculated at 16 frames per second" (fal llms.txt): 161 / 16 s.
        Assert.Equal(10.0625m, estimate.Units);
        Assert.Equal(1.00625m, estimate.Total);
        Assert.Throws<UnsupportedOptionException>(() => OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot, VideoRequestOptions.Defaults with { Duration = 5 }));
        var tooLong = Assert.Throws<ShotOutsideGuideLimitsException>(() => OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot with { Duration = 60 }, VideoRequestOptions.Defaults));
        Assert.Contains("60.0 s", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("48.0 s", tooLong.Message, StringComparison.Ordinal);
        Assert.True(OptionsResolver.Default.Offer(VisualizerMode.FromAnimation, model, shot with { Duration = 60 }).ShotExceedsMaximum);
    }

    [Fact]
    public void A_guide_model_with_a_length_field_is_asked_for_the_shortest_length_covering_the_guide_and_offers_no_length_choice()
    {
        var model = ModelCatalog.Default.Get("luma-ray-3.2-v2v");
        var shot = new Shot { Id = "s", CameraId = "c", Duration = 5.5, Fps = 24, Aspect = AspectRatio.Landscape16x9 };

        var options = OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot, VideoRequestOptions.Defaults);
        var estimate = CostEstimator.Estimate(options);

        // 5.5 s on Ray's 24 fps grid: frames 0 … 132; fal's "5s" is too short, "10s" covers it and bills two 5 s blocks.
        Assert.Equal(new GuideTiming(24, 133), options.Guide);
        Assert.Equal((10, 5.5), (options.ClipSeconds, options.OutputSeconds));
        Assert.Equal((2m, 2.16m), (estimate.Units, estimate.Total));
        Assert.Equal(5, OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot with { Duration = 5 }, VideoRequestOptions.Defaults).ClipSeconds);
        var offer = OptionsResolver.Default.Offer(VisualizerMode.FromAnimation, model, shot);
        Assert.Empty(offer.Durations);
        Assert.Equal(5.5, offer.DefaultDuration);
        Assert.Equal([VisualizerMode.FromAnimation], model.Modes);
        Assert.Equal("guide video: shaded", Assert.Single(ModelCatalog.Default.ForMode(VisualizerMode.FromAnimation), l => l.Model.Id == model.Id).GuidanceText);
    }

    [Fact]
    public void Kling_motion_control_follows_a_24_fps_shaded_guide_of_3_to_30_s_with_the_start_frame_it_requires_and_offers_no_length()
    {
        var model = ModelCatalog.Default.Get("kling-2.6-motion-control");
        var shot = new Shot { Id = "s", CameraId = "c", Duration = 20, Fps = 30, Aspect = AspectRatio.Landscape16x9 };

        var options = OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot, VideoRequestOptions.Defaults);
        var estimate = CostEstimator.Estimate(options);

        // 20 s at 24 fps: frames 0 … 480; no length field, so the clip is the guide's 20.04 s, billed as 21 s at $0.112/s.
        Assert.Equal(new GuideTiming(24, 481), options.Guide);
        Assert.Equal((481 / 24.0, 20), (options.ClipSeconds, options.OutputSeconds));
        Assert.Equal((21m, 2.352m), (estimate.Units, estimate.Total));
        var guide = model.Inputs.GuideVideo!;
        Assert.True(guide.RequiresStartFrame);
        Assert.Equal((GuidePass.Shaded, "video_url"), (guide.Pass, guide.Field));
        Assert.Equal("image_url", model.Endpoint(VisualizerMode.FromAnimation)!.Fields.StartImage);
        var offer = OptionsResolver.Default.Offer(VisualizerMode.FromAnimation, model, shot);
        Assert.Empty(offer.Durations);
        Assert.Equal(20, offer.DefaultDuration);
        Assert.Equal([VisualizerMode.FromAnimation], model.Modes);
        Assert.Equal("guide video: shaded", Assert.Single(ModelCatalog.Default.ForMode(VisualizerMode.FromAnimation), l => l.Model.Id == model.Id).GuidanceText);

        // Orientation "video" takes at most 30 s: a 30.0 s file is 720 frames, so the longest shot is 29.958 s.
        var tooLong = Assert.Throws<ShotOutsideGuideLimitsException>(() => OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot with { Duration = 30 }, VideoRequestOptions.Defaults));
        Assert.Contains("30.0 s", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("29.958 s", tooLong.Message, StringComparison.Ordinal);
        Assert.True(OptionsResolver.Default.Offer(VisualizerMode.FromAnimation, model, shot with { Duration = 30 }).ShotExceedsMaximum);
    }

    [Fact]
    public void Gemini_omni_flash_edits_a_24_fps_shaded_guide_of_3_to_10_s_sends_no_length_and_bills_the_guides_seconds()
    {
        var model = ModelCatalog.Default.Get("gemini-omni-flash");
        var shot = new Shot { Id = "s", CameraId = "c", Duration = 6.5, Fps = 30, Aspect = AspectRatio.Landscape16x9 };

        var options = OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot, VideoRequestOptions.Defaults);
        var estimate = CostEstimator.Estimate(options);

        // 6.5 s at 24 fps: frames 0 … 156. The edit has no length field (its other endpoints' 3–10 s are not asked for):
        // the clip is the guide's 6.54 s, billed as 7 s at fal's approximate $0.13/s (sound always on).
        Assert.Equal(new GuideTiming(24, 157), options.Guide);
        Assert.Equal((157 / 24.0, 6.5), (options.ClipSeconds, options.OutputSeconds));
        Assert.True(options.Audio);
        Assert.Equal((7m, 0.91m), (estimate.Units, estimate.Total));
        Assert.Null(model.Endpoint(VisualizerMode.FromAnimation)!.Fields.Duration);
        var guide = model.Inputs.GuideVideo!;
        Assert.Equal((GuidePass.Shaded, "video_url", false), (guide.Pass, guide.Field, guide.RequiresStartFrame));
        var offer = OptionsResolver.Default.Offer(VisualizerMode.FromAnimation, model, shot);
        Assert.Empty(offer.Durations);
        Assert.Equal(6.5, offer.DefaultDuration);
        Assert.Equal([VisualizerMode.StartFrame, VisualizerMode.FromAnimation], model.Modes);
        Assert.Equal("guide video: shaded", Assert.Single(ModelCatalog.Default.ForMode(VisualizerMode.FromAnimation), l => l.Model.Id == model.Id).GuidanceText);
        Assert.Equal(Enumerable.Range(3, 8), OptionsResolver.Default.Offer(VisualizerMode.StartFrame, model, shot).Durations);

        // At most a 10.0 s file: 240 frames, so the longest shot is 9.958 s; at least 3.0 s (72 frames), so from 2.958 s.
        var tooLong = Assert.Throws<ShotOutsideGuideLimitsException>(() => OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot with { Duration = 10 }, VideoRequestOptions.Defaults));
        Assert.Contains("10.0 s", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("9.958 s", tooLong.Message, StringComparison.Ordinal);
        Assert.True(OptionsResolver.Default.Offer(VisualizerMode.FromAnimation, model, shot with { Duration = 10 }).ShotExceedsMaximum);
        Assert.Equal(new GuideTiming(24, 72), OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot with { Duration = 2.96 }, VideoRequestOptions.Defaults).Guide);
    }

    [Fact]
    public void A_shot_longer_than_the_guide_can_cover_follows_its_first_part_only_when_the_cap_is_accepted()
    {
        var model = ModelCatalog.Default.Get("gemini-omni-flash");
        var shot = new Shot { Id = "s", CameraId = "c", Duration = 12, Fps = 24, Aspect = AspectRatio.Landscape16x9 };

        // Refused with both numbers and the way out; the offer names what the cap covers: 240 frames, 239 / 24 s.
        var refused = Assert.Throws<ShotOutsideGuideLimitsException>(() => OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot, VideoRequestOptions.Defaults));
        Assert.Contains("12.0 s", refused.Message, StringComparison.Ordinal);
        Assert.Contains("accept the cap to follow the first 9.958 s", refused.Message, StringComparison.Ordinal);
        var offer = OptionsResolver.Default.Offer(VisualizerMode.FromAnimation, model, shot);
        Assert.Equal(239 / 24.0, offer.CapSeconds);

        var capped = OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot, VideoRequestOptions.Defaults with { AcceptDurationCap = true });
        Assert.Equal(new GuideTiming(24, 240), capped.Guide);
        Assert.Equal(239 / 24.0, capped.OutputSeconds);
        Assert.Equal(10, capped.ClipSeconds);
        Assert.Contains(capped.Notes, n => n.Contains("so the clip follows the first 9.96 s", StringComparison.Ordinal));

        // A shot too short for the guide has no cap to accept: it stays refused.
        var tooShort = shot with { Duration = 2 };
        Assert.Null(OptionsResolver.Default.Offer(VisualizerMode.FromAnimation, model, tooShort).CapSeconds);
        Assert.Throws<ShotOutsideGuideLimitsException>(() => OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, tooShort, VideoRequestOptions.Defaults with { AcceptDurationCap = true }));

        // A shot the guide covers is not touched by the cap.
        var fits = OptionsResolver.Default.Resolve(VisualizerMode.FromAnimation, model, shot with { Duration = 4 }, VideoRequestOptions.Defaults with { AcceptDurationCap = true });
        Assert.Equal((new GuideTiming(24, 97), 4.0), (fits.Guide, fits.OutputSeconds));
    }
}
