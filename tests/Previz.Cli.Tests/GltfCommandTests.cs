using System.Diagnostics;
using System.Text.Json;

namespace Previz.Cli.Tests;

/// <summary>The CLI on glTF files: the Blender fixture of Previz.Import.Tests opened directly as a scene.</summary>
public class GltfCommandTests
{
    private static string Glb => Path.Combine(Repository.Root, "tests", "Previz.Import.Tests", "Fixtures", "Blender", "animated_scene.glb");

    [Fact]
    public async Task Rendering_a_glb_through_a_named_camera_gives_one_frame_per_blender_frame()
    {
        var target = Path.Combine(Repository.TempFolder(), "shotcam.mp4");

        var run = await CliRun.Of("render", Glb, "--camera", "ShotCam", "--pass", "shaded", "--out", target);

        Assert.True(run.ExitCode == 0, run.Stderr);
        var stream = (await Probe(target)).GetProperty("streams")[0];
        Assert.Equal(1280, stream.GetProperty("width").GetInt32());
        Assert.Equal(720, stream.GetProperty("height").GetInt32());
        Assert.Equal("48", stream.GetProperty("nb_read_frames").GetString()); // Blender frames 1..48
    }

    [Fact]
    public async Task A_still_of_a_glb_at_a_time_is_written()
    {
        var target = Path.Combine(Repository.TempFolder(), "still.png");

        var run = await CliRun.Of("still", Glb, "--camera", "shotcam", "--time", "1.2", "--out", target);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, (await File.ReadAllBytesAsync(target))[..4]);
    }

    [Fact]
    public async Task Scene_info_of_a_glb_lists_nodes_cameras_and_animation_ranges()
    {
        var run = await CliRun.Of("scene", "info", Glb);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Matches(@"#2\s+Rig\s+group\s+animated", run.Stdout);
        Assert.Matches(@"#6\s+ShotCam\s+camera\s+animated", run.Stdout);
        Assert.Matches(@"CrateAction\s+0\.042–2 s\s+1 object channel", run.Stdout);
        Assert.Contains("ShotCam", run.Stdout);
    }

    [Fact]
    public async Task An_unknown_camera_is_a_user_error_listing_the_cameras()
    {
        var run = await CliRun.Of("still", Glb, "--camera", "Crane");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no camera \"Crane\": its cameras are \"ShotCam\"", run.Stderr);
    }

    [Fact]
    public async Task A_damaged_glb_is_a_user_error_with_one_readable_line()
    {
        var folder = Repository.TempFolder();
        var damaged = Path.Combine(folder, "cut.glb");
        var bytes = await File.ReadAllBytesAsync(Glb);
        await File.WriteAllBytesAsync(damaged, bytes[..1000]);

        var run = await CliRun.Of("scene", "info", damaged);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cut.glb: the file is truncated", run.Stderr);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    private static async Task<JsonElement> Probe(string file)
    {
        var psi = new ProcessStartInfo("ffprobe", ["-v", "error", "-count_frames", "-show_streams", "-of", "json", file]) { RedirectStandardOutput = true };
        using var process = Process.Start(psi)!;
        var json = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
