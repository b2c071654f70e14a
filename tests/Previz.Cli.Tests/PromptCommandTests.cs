using System.Text.Json;

namespace Previz.Cli.Tests;

public class PromptCommandTests
{
    [Fact]
    public async Task Prompt_prints_the_stadium_breakaway_with_its_subjects_and_motion()
    {
        var run = await CliRun.Of("prompt", Repository.Sample("stadium.previz.json"), "--shot", "breakaway");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("[Subjects]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("- striker", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("[Camera Motion]\nThe camera trucks", run.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("The ball travels", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompt_for_a_model_fits_its_length_limit_and_reports_the_dropped_lines()
    {
        var run = await CliRun.Of("prompt", Repository.Sample("stadium.previz.json"), "--shot", "breakaway", "--model", "runway-gen-4.5", "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal(1000, root.GetProperty("maxLength").GetInt32());
        Assert.True(root.GetProperty("prompt").GetString()!.Length <= 1000);
        Assert.NotEqual(0, root.GetProperty("dropped").GetArrayLength());
        Assert.True(root.GetProperty("motion").GetProperty("moves").GetArrayLength() > 0);
        Assert.Equal("simple", root.GetProperty("cameraParameters").GetProperty("klingCameraControl").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Prompt_for_a_restyle_in_from_animation_opens_with_the_instruction_to_keep_the_renders_motion_and_a_depth_route_does_not()
    {
        var restyle = await CliRun.Of("prompt", Repository.Sample("stadium.previz.json"), "--shot", "breakaway", "--mode", "from-animation", "--model", "runway-aleph-2", "--json");
        var depth = await CliRun.Of("prompt", Repository.Sample("stadium.previz.json"), "--shot", "breakaway", "--mode", "from-animation", "--model", "wan-2.2-vace-depth", "--json");

        Assert.Equal((0, 0), (restyle.ExitCode, depth.ExitCode));
        using var restyled = JsonDocument.Parse(restyle.Stdout);
        using var controlled = JsonDocument.Parse(depth.Stdout);
        var first = restyled.RootElement.GetProperty("prompt").GetString()!.Split('\n')[0];
        Assert.StartsWith("Restyle this grey 3D previz render", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Restyle this", controlled.RootElement.GetProperty("prompt").GetString()!, StringComparison.Ordinal);
        // Aleph's 1000-character limit still holds with the instruction in.
        Assert.True(restyled.RootElement.GetProperty("prompt").GetString()!.Length <= 1000);
    }

    [Fact]
    public async Task Prompt_with_a_model_that_cannot_do_the_mode_exits_2_naming_the_models_that_can()
    {
        var run = await CliRun.Of("prompt", Repository.Sample("stadium.previz.json"), "--mode", "start-end", "--model", "runway-gen-4.5");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("start-end", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("kling-2.1-pro", run.Stderr, StringComparison.Ordinal);
    }
}
