using System.Globalization;
using System.Text.Json;

namespace Previz.Cli.Tests;

public class AdherenceCommandTests
{
    [Fact]
    public async Task Adherence_prints_the_score_the_sentence_and_the_curve_and_the_same_as_json()
    {
        var folder = Repository.TempFolder();
        var scene = Repository.Sample("stadium.previz.json");
        var clip = Path.Combine(folder, "breakaway.mp4");
        var render = await CliRun.Of("render", scene, "--shot", "breakaway", "--pass", "shaded", "--out", clip);
        Assert.True(render.ExitCode == 0, render.Stderr);

        var text = await CliRun.Of("adherence", scene, "--shot", "breakaway", clip);
        var json = await CliRun.Of("adherence", scene, "--shot", "breakaway", clip, "--json");

        Assert.True(text.ExitCode == 0, text.Stderr);
        var lines = text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("score=", lines[0], StringComparison.Ordinal);
        var score = double.Parse(lines[0]["score=".Length..], CultureInfo.InvariantCulture);
        Assert.InRange(score, 0, 1);
        Assert.Contains("truck move", lines[1], StringComparison.Ordinal);
        // The 4 s shot: one value a second.
        Assert.Matches(@"^per second: 0s=\d\.\d\d 1s=\d\.\d\d 2s=\d\.\d\d 3s=\d\.\d\d$", lines[2]);

        Assert.True(json.ExitCode == 0, json.Stderr);
        var root = JsonDocument.Parse(json.Stdout).RootElement;
        Assert.Equal(score, root.GetProperty("score").GetDouble(), 3);
        Assert.Equal(lines[1], root.GetProperty("sentence").GetString());
        Assert.Equal(4, root.GetProperty("perSecond").GetArrayLength());
        Assert.Equal(4, root.GetProperty("shotSeconds").GetDouble());
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_exits_2_naming_it()
    {
        var folder = Repository.TempFolder();
        var notes = Path.Combine(folder, "notes.mp4");
        await File.WriteAllTextAsync(notes, "just words");

        var run = await CliRun.Of("adherence", Repository.Sample("stadium.previz.json"), "--shot", "breakaway", notes);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("notes.mp4\" is not a video", run.Stderr, StringComparison.Ordinal);
    }
}
