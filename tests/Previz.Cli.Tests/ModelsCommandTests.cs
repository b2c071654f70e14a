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
    public async Task An_unknown_mode_exits_2()
    {
        var run = await CliRun.Of("models", "--mode", "first-last");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("first-last", run.Stderr, StringComparison.Ordinal);
    }
}
