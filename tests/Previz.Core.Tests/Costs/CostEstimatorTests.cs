using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Scenes;

namespace Previz.Core.Tests.Costs;

public class CostEstimatorTests
{
    private static ModelCatalog Catalog { get; } = ModelCatalog.Default;

    private static ModelEntry Synthetic(BillingRule rule, int clipSeconds = 0) => new()
    {
        Id = "test-model",
        DisplayName = "Test Model",
        Provider = ModelProvider.Fal,
        Kind = rule == BillingRule.PerImage ? ModelKind.Image : ModelKind.Video,
        Pricing = new ModelPricing(rule, [new("720p", 0.10m, 0.25m), new("1080p", 0.30m, 0.50m)], "test table") { ClipSeconds = clipSeconds },
    };

    [Theory]
    [InlineData(5.0, "720p", false, 0.50)]
    [InlineData(5.0, "720p", true, 1.25)]
    [InlineData(8.0, "1080p", false, 2.40)]
    [InlineData(4.2, "1080p", true, 2.50)]
    public void Per_second_billing_is_price_times_whole_seconds_with_resolution_and_audio_factors(double seconds, string res, bool audio, double total)
    {
        var e = CostEstimator.Estimate(Synthetic(BillingRule.PerSecond), seconds, res, audio);
        Assert.Equal((decimal)total, e.Total);
        Assert.Equal(Math.Ceiling(seconds), e.BilledSeconds);
        Assert.Equal("s", e.UnitName);
    }

    [Theory]
    [InlineData(5.0, 1, 0.10)]
    [InlineData(5.5, 2, 0.20)]
    [InlineData(10.0, 2, 0.20)]
    [InlineData(3.0, 1, 0.10)]
    public void Per_clip_billing_charges_every_started_clip(double seconds, int clips, double total)
    {
        var e = CostEstimator.Estimate(Synthetic(BillingRule.PerClip, clipSeconds: 5), seconds, "720p", audio: false);
        Assert.Equal(clips, e.Units);
        Assert.Equal(clips * 5.0, e.BilledSeconds);
        Assert.Equal((decimal)total, e.Total);
    }

    [Fact]
    public void Per_image_billing_counts_images()
    {
        var e = CostEstimator.Estimate(Synthetic(BillingRule.PerImage), 0, "1080p", audio: false, images: 3);
        Assert.Equal(0.90m, e.Total);
        Assert.Equal("image", e.UnitName);
    }

    [Fact]
    public void Catalog_prices_give_the_published_totals()
    {
        // Veo 3.1: $0.40/s with audio → 8 s = $3.20; silent $0.20/s → $1.60.
        Assert.Equal(3.20m, CostEstimator.Estimate(Catalog.Get("veo-3.1"), 8, "1080p", audio: true).Total);
        Assert.Equal(1.60m, CostEstimator.Estimate(Catalog.Get("veo-3.1"), 8, "720p", audio: false).Total);
        // Kling 2.1 Pro: $0.49 per 5 s → 10 s = $0.98.
        Assert.Equal(0.98m, CostEstimator.Estimate(Catalog.Get("kling-2.1-pro"), 10, "1080p", audio: false).Total);
        // Kling 3 Standard with audio: $0.252/s × 5 s = $1.26.
        Assert.Equal(1.26m, CostEstimator.Estimate(Catalog.Get("kling-3-standard"), 5, "720p", audio: true).Total);
        // Luma Ray 3.2 image-to-video on fal: "$2 for 1080p" per 5 s, "$4 at 1080p" for 10 s
        // (fal.ai/models/luma/agent/ray/v3.2/image-to-video/llms.txt).
        Assert.Equal(4.00m, CostEstimator.Estimate(Catalog.Get("luma-ray-3.2"), 10, "1080p", audio: false).Total);
        Assert.Equal(0.50m, CostEstimator.Estimate(Catalog.Get("luma-ray-3.2"), 5, "540p", audio: false).Total);
        // Kling 2.1 Standard: "$0.28" per 5 s, "$0.056" each further second → 10 s = $0.56
        // (fal.ai/models/fal-ai/kling-video/v2.1/standard/image-to-video/llms.txt).
        Assert.Equal(0.56m, CostEstimator.Estimate(Catalog.Get("kling-2.1-standard"), 10, "720p", audio: false).Total);
        Assert.Equal(0m, CostEstimator.Estimate(Catalog.Get("direct-render"), 30, null, audio: false).Total);
    }

    [Fact]
    public void The_estimate_follows_the_resolved_options()
    {
        var shot = new Shot { Id = "s", CameraId = "c", Duration = 4 };
        var options = OptionsResolver.Default.Resolve(VisualizerMode.StartEnd, Catalog.Get("veo-3.1-fast"), shot,
            new VideoRequestOptions { Audio = true, Resolution = ResolutionTier.Final2K });
        var e = CostEstimator.Estimate(options);
        Assert.Equal(0.60m, e.Total); // 4 s × $0.15
        Assert.Equal("1080p", e.VendorResolution);
        Assert.True(e.Audio);
    }

    [Fact]
    public void The_breakdown_shows_the_rule_the_arithmetic_the_factors_and_the_source()
    {
        var e = CostEstimator.Estimate(Catalog.Get("kling-2.1-pro"), 10, "1080p", audio: false);
        Assert.Contains(e.Breakdown, l => l.Contains("per started 5 s clip", StringComparison.Ordinal));
        Assert.Contains(e.Breakdown, l => l.Contains("2 clips × $0.49 = $0.98", StringComparison.Ordinal));
        Assert.Contains(e.Breakdown, l => l.Contains("audio off", StringComparison.Ordinal));
        Assert.Contains(e.Breakdown, l => l.StartsWith("price source:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_request_over_the_budget_fails_naming_both_numbers()
    {
        var e = CostEstimator.Estimate(Catalog.Get("veo-3.1"), 8, "1080p", audio: true); // $3.20
        new ProjectBudget(5m).EnsureAllows(e);
        var ex = Assert.Throws<BudgetExceededException>(() => new ProjectBudget(5m, Spent: 2.5m).EnsureAllows(e));
        Assert.Contains("$3.20", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$5.00", ex.Message, StringComparison.Ordinal);
        Assert.Contains("$2.50", ex.Message, StringComparison.Ordinal);
        var alone = Assert.Throws<BudgetExceededException>(() => new ProjectBudget(3m).EnsureAllows(e));
        Assert.Contains("$3.20", alone.Message, StringComparison.Ordinal);
        Assert.Contains("$3.00", alone.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unavailable_model_cannot_be_priced()
    {
        Assert.Throws<ModelUnavailableException>(() => CostEstimator.Estimate(Catalog.Get("luma-ray-3"), 5, null, audio: false));
    }
}
