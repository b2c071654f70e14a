using System.Text.Json;
using Previz.Core.Catalog;
using Previz.Core.Modes;

namespace Previz.Cli.Tests;

public class ModelsCommandTests
{
    [Theory]
    [InlineData("image")]
    [InlineData("start-frame")]
    [InlineData("start-end")]
    [InlineData("from-animation")]
    public async Task Models_json_for_a_mode_lists_what_the_catalog_offers_in_that_mode(string mode)
    {
        var run = await CliRun.Of("models", "--mode", mode, "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var ids = doc.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(ModelCatalog.Default.ForMode(VisualizerModes.Parse(mode)).Select(l => l.Model.Id), ids);
        Assert.All(doc.RootElement.GetProperty("models").EnumerateArray(), m =>
            Assert.Contains(mode, m.GetProperty("modes").EnumerateArray().Select(x => x.GetString())));
    }

    [Fact]
    public async Task Models_table_groups_by_provider_and_says_which_key_is_missing_and_what_is_unavailable()
    {
        var run = await CliRun.Of("models");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Direct Render (this machine)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Runway", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("luma-ray-3.14", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("no documented API offers", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Models_json_says_which_variable_holds_each_key_and_whether_it_is_set()
    {
        var run = await CliRun.Of("models", "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var models = doc.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!);
        var runway = models["runway-gen-4.5"];
        Assert.Equal("RUNWAYML_API_SECRET", runway.GetProperty("apiKey").GetString());
        Assert.Equal(!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("RUNWAYML_API_SECRET")), runway.GetProperty("apiKeySet").GetBoolean());
        Assert.True(models["direct-render"].GetProperty("apiKeySet").GetBoolean());
        Assert.False(models["luma-ray-3"].GetProperty("available").GetBoolean());
        Assert.Equal(ModelCatalog.Default.Models.Count, models.Count);
    }

    [Fact]
    public async Task Models_for_from_animation_say_what_drives_each_model_and_warn_where_it_invents_the_motion()
    {
        var run = await CliRun.Of("models", "--mode", "from-animation");

        Assert.Equal(0, run.ExitCode);
        var wan = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("wan-2.2-vace-depth", StringComparison.Ordinal));
        Assert.Contains("guide video: depth", wan, StringComparison.Ordinal);
        var aleph = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("runway-aleph-2", StringComparison.Ordinal));
        Assert.Contains("guide video: shaded", aleph, StringComparison.Ordinal);
        var seedance = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("seedance-2.0-runway-v2v", StringComparison.Ordinal));
        Assert.Contains("guide video: shaded", seedance, StringComparison.Ordinal);
        var luma = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("luma-ray-3.2 ", StringComparison.Ordinal));
        Assert.Contains("keyframes", luma, StringComparison.Ordinal);
        var lumaRestyle = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("luma-ray-3.2-v2v", StringComparison.Ordinal));
        Assert.Contains("guide video: shaded", lumaRestyle, StringComparison.Ordinal);
        var klingMotion = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("kling-2.6-motion-control", StringComparison.Ordinal));
        Assert.Contains("guide video: shaded", klingMotion, StringComparison.Ordinal);
        var omni = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("gemini-omni-flash", StringComparison.Ordinal));
        Assert.Contains("guide video: shaded", omni, StringComparison.Ordinal);
        var kling = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("kling-2.1-pro", StringComparison.Ordinal));
        Assert.Contains("frames + words (invents the motion)", kling, StringComparison.Ordinal);
        // The warning names the inventing models, and never a guided one.
        var warning = Assert.Single(run.Stderr.Split('\n'), l => l.Contains("warning: frames + words", StringComparison.Ordinal));
        Assert.Contains("kling-2.1-pro", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("wan-2.2-vace-depth", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("luma-ray-3.2", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("runway-aleph-2", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("kling-2.6-motion-control", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("gemini-omni-flash", warning, StringComparison.Ordinal);

        var json = await CliRun.Of("models", "--mode", "from-animation", "--json");
        using var doc = JsonDocument.Parse(json.Stdout);
        var entry = doc.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "wan-2.2-vace-depth");
        Assert.Equal("guide video: depth", entry.GetProperty("drivenByText").GetString());
        Assert.False(entry.GetProperty("inventsMotion").GetBoolean());
        Assert.Equal("video_url", entry.GetProperty("guideVideo").GetProperty("field").GetString());
        Assert.Equal(241, entry.GetProperty("guideVideo").GetProperty("maxFrames").GetInt32());
        var motion = doc.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "kling-2.6-motion-control");
        Assert.Equal("guide video: shaded", motion.GetProperty("drivenByText").GetString());
        Assert.Equal(("video_url", 72, 720, 24), (motion.GetProperty("guideVideo").GetProperty("field").GetString(),
            motion.GetProperty("guideVideo").GetProperty("minFrames").GetInt32(), motion.GetProperty("guideVideo").GetProperty("maxFrames").GetInt32(),
            motion.GetProperty("guideVideo").GetProperty("preferredFps").GetInt32()));
        var omniJson = doc.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "gemini-omni-flash");
        Assert.Equal("guide video: shaded", omniJson.GetProperty("drivenByText").GetString());
        Assert.Equal("google/gemini-omni-flash/edit", omniJson.GetProperty("endpoints").GetProperty("from-animation").GetString());
        Assert.Equal(("video_url", 72, 240, 24), (omniJson.GetProperty("guideVideo").GetProperty("field").GetString(),
            omniJson.GetProperty("guideVideo").GetProperty("minFrames").GetInt32(), omniJson.GetProperty("guideVideo").GetProperty("maxFrames").GetInt32(),
            omniJson.GetProperty("guideVideo").GetProperty("preferredFps").GetInt32()));
    }

    [Fact]
    public async Task Models_for_start_frame_list_gemini_omni_flash_with_3_to_10_s_two_orientations_sound_always_and_fals_approximate_price()
    {
        var run = await CliRun.Of("models", "--mode", "start-frame");

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("gemini-omni-flash", StringComparison.Ordinal));
        Assert.Contains("3–10 s", line, StringComparison.Ordinal);
        Assert.Contains("16:9 9:16", line, StringComparison.Ordinal);
        Assert.Contains("always", line, StringComparison.Ordinal);
        Assert.Contains("$0.13/s", line, StringComparison.Ordinal);

        var json = await CliRun.Of("models", "--mode", "start-frame", "--json");
        using var doc = JsonDocument.Parse(json.Stdout);
        var omni = doc.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "gemini-omni-flash");
        Assert.Equal(["start-frame", "from-animation"], omni.GetProperty("modes").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("google/gemini-omni-flash/image-to-video", omni.GetProperty("endpoints").GetProperty("start-frame").GetString());
        Assert.Equal(Enumerable.Range(3, 8), omni.GetProperty("durations").EnumerateArray().Select(d => d.GetInt32()));
        Assert.Equal(["16:9", "9:16"], omni.GetProperty("aspects").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("FAL_KEY", omni.GetProperty("apiKey").GetString());
        Assert.StartsWith("fal's approximation", omni.GetProperty("priceSource").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_mode_exits_2()
    {
        var run = await CliRun.Of("models", "--mode", "first-last");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("first-last", run.Stderr, StringComparison.Ordinal);
    }
}
