using System.Globalization;
using System.Text.Json;

namespace Previz.Cli.Tests;

public class EstimateCommandTests
{
    [Fact]
    public async Task Estimate_covers_the_shot_with_the_shortest_clip_and_prices_it_per_clip()
    {
        // The establishing shot lasts 8 s; Kling 2.1 Pro makes 5 or 10 s at $0.49 per 5 s.
        var run = await CliRun.Of("estimate", Repository.Sample("stadium.previz.json"), "--model", "kling-2.1-pro", "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal(10, root.GetProperty("clipSeconds").GetDouble());
        Assert.Equal(8, root.GetProperty("outputSeconds").GetDouble());
        Assert.True(root.GetProperty("trimmed").GetBoolean());
        Assert.Equal(0.98m, root.GetProperty("total").GetDecimal());
        Assert.Equal("per-clip", root.GetProperty("billing").GetString());
    }

    [Fact]
    public async Task Estimate_with_audio_at_2k_uses_the_audio_price_per_second()
    {
        var run = await CliRun.Of("estimate", Repository.Sample("stadium.previz.json"), "--shot", "breakaway", "--model", "veo-3.1",
            "--audio", "--resolution", "2k");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("4 s × $0.40/s = $1.60", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("1080p", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("nearest", run.Stdout, StringComparison.Ordinal); // 2.39:1 → 16:9
    }

    [Fact]
    public async Task Asking_an_audio_less_model_for_audio_exits_2_naming_the_models_with_audio()
    {
        var run = await CliRun.Of("estimate", Repository.Sample("stadium.previz.json"), "--model", "runway-gen-4.5", "--audio");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("runway-gen-4.5", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("veo-3.1", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cost_over_the_budget_exits_2_naming_both_numbers()
    {
        var run = await CliRun.Of("estimate", Repository.Sample("stadium.previz.json"), "--model", "veo-3.1", "--audio", "--budget",
            2.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("$3.20", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("$2.00", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_model_exits_2_listing_the_models()
    {
        var run = await CliRun.Of("estimate", Repository.Sample("stadium.previz.json"), "--model", "sora-2");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("kling-2.1-pro", run.Stderr, StringComparison.Ordinal);
    }
}
