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
    public async Task A_shot_longer_than_the_guide_is_refused_naming_the_cap_and_priced_for_its_first_part_with_accept_cap()
    {
        // The establishing shot made 12 s: Gemini Omni Flash's edit takes a guide of at most 240 frames at 24 fps.
        var folder = Directory.CreateTempSubdirectory("previz-estimate-").FullName;
        try
        {
            var scene = Path.Combine(folder, "long.previz.json");
            var stadium = await File.ReadAllTextAsync(Repository.Sample("stadium.previz.json"));
            // The scene's reference pictures must lie next to it.
            Directory.CreateDirectory(Path.Combine(folder, "refs"));
            foreach (var picture in Directory.GetFiles(Path.Combine(Path.GetDirectoryName(Repository.Sample("stadium.previz.json"))!, "refs")))
            {
                File.Copy(picture, Path.Combine(folder, "refs", Path.GetFileName(picture)));
            }

            await File.WriteAllTextAsync(scene, stadium.Replace("\"duration\": 8,", "\"duration\": 12,", StringComparison.Ordinal));

            var refused = await CliRun.Of("estimate", scene, "--mode", "from-animation", "--model", "gemini-omni-flash");
            var capped = await CliRun.Of("estimate", scene, "--mode", "from-animation", "--model", "gemini-omni-flash", "--accept-cap", "--json");

            // The terminal wraps the message: its words, read in one line.
            var message = string.Join(' ', refused.Stderr.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("The shot lasts 12.0 s", message, StringComparison.Ordinal);
            Assert.Contains("accept the cap to follow the first 9.958 s", message, StringComparison.Ordinal);
            Assert.Equal(0, capped.ExitCode);
            using var doc = JsonDocument.Parse(capped.Stdout);
            var root = doc.RootElement;
            Assert.Equal(239 / 24.0, root.GetProperty("outputSeconds").GetDouble(), 6);
            Assert.Equal(10, root.GetProperty("clipSeconds").GetDouble());
            Assert.Equal(1.30m, root.GetProperty("total").GetDecimal());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
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
