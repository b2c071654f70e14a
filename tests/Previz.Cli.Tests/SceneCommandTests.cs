namespace Previz.Cli.Tests;

public class SceneCommandTests
{
    [Fact]
    public async Task Validating_the_stadium_sample_succeeds()
    {
        var run = await CliRun.Of("scene", "validate", Repository.Sample("stadium.previz.json"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("valid", run.Stdout);
        Assert.Contains("2 shots", run.Stdout);
    }

    [Fact]
    public async Task Validating_a_broken_scene_exits_2_and_names_every_path()
    {
        var folder = Repository.TempFolder();
        var file = Path.Combine(folder, "broken.previz.json");
        await File.WriteAllTextAsync(file, """
            { "name": "b", "cameras": [ { "id": "a" } ],
              "shots": [ { "id": "s", "cameraId": "crane", "duration": 0 } ] }
            """);
        var run = await CliRun.Of("scene", "validate", file);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("$.shots[0].cameraId: no camera with id \"crane\"", run.Stderr);
        Assert.Contains("$.shots[0].duration", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr); // no stack trace for a user error
    }

    [Fact]
    public async Task Scene_info_lists_shots_with_their_durations()
    {
        var run = await CliRun.Of("scene", "info", Repository.Sample("stadium.previz.json"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("establishing", run.Stdout);
        Assert.Contains("breakaway", run.Stdout);
        Assert.Contains("8 s", run.Stdout);
        Assert.Contains("4 s", run.Stdout);
        Assert.Contains("striker", run.Stdout);
    }

    [Fact]
    public async Task A_missing_scene_file_is_a_user_error()
    {
        var run = await CliRun.Of("scene", "info", "/nonexistent/none.previz.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not found", run.Stderr);
    }

    [Fact]
    public async Task An_unknown_option_value_is_a_user_error()
    {
        var run = await CliRun.Of("render", Repository.Sample("stadium.previz.json"), "--pass", "cartoon");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cartoon", run.Stderr);
    }

    [Fact]
    public async Task An_unknown_shot_lists_the_shots_there_are()
    {
        var run = await CliRun.Of("render", Repository.Sample("stadium.previz.json"), "--shot", "nope");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("establishing, breakaway", run.Stderr);
    }

    [Fact]
    public async Task Exporting_a_scene_writes_a_glb_that_imports_back_to_the_same_shots_and_cameras()
    {
        var target = Path.Combine(Repository.TempFolder(), "nested", "stadium.glb");

        var run = await CliRun.Of("scene", "export", Repository.Sample("stadium.previz.json"), "--out", target);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(target, run.Stdout);
        var back = (await Previz.Import.GltfImporter.LoadAsync(target)).Scene;
        Assert.Equal("Stadium", back.Name);
        Assert.Equal(["establishing", "breakaway"], back.Shots.Select(s => s.Id));
        Assert.Equal(["dolly-cam", "follow-cam"], back.Cameras.Select(c => c.Id));
        Assert.Equal("striker", back.FindCamera("follow-cam")!.AimTargetId);
        Assert.Equal(69, back.Objects.Count);
    }

    [Fact]
    public async Task Exporting_to_a_file_that_is_not_a_glb_is_a_user_error()
    {
        var run = await CliRun.Of("scene", "export", Repository.Sample("stadium.previz.json"), "--out", Path.Combine(Repository.TempFolder(), "x.gltf"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out must name a .glb file", run.Stderr);
    }
}
