using System.Diagnostics;
using System.IO.Compression;

namespace Previz.Cli.Tests;

public class SequenceCommandTests
{
    private const string TwoShots = """
    {
      "name": "two shots",
      "objects": [ { "id": "box", "kind": "box", "color": "#cc3333" } ],
      "cameras": [ { "id": "cam", "transform": { "position": [0, 1, 6] }, "aimTarget": "box" } ],
      "shots": [ { "id": "wide", "cameraId": "cam", "duration": 1, "fps": 24 },
                 { "id": "close", "name": "Close up", "cameraId": "cam", "start": 1, "duration": 0.5, "fps": 24 } ]
    }
    """;

    [Fact]
    public async Task An_mp4_export_cuts_a_given_take_and_a_direct_render_of_the_other_shot_with_a_cue()
    {
        var (folder, scene) = await SceneAsync();
        var take = Make(folder, "wide.mp4", "-f", "lavfi", "-i", "color=c=red:size=320x180:rate=24:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        var beep = Make(folder, "beep.wav", "-f", "lavfi", "-i", "sine=frequency=1000:duration=0.3");
        var target = Path.Combine(folder, "cut.mp4");

        var run = await CliRun.Of("sequence", "export", scene, "--format", "mp4", "--out", target, "--take", $"wide={take}", "--cue", $"{beep}@1.1:-3", "--burn-in");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(Path.GetFullPath(target), run.Stdout.Trim());
        Assert.Contains("render Close up", run.Stderr, StringComparison.Ordinal);
        // 24 frames of the take and 12 of the Direct Render, at the take's size; the cue makes a sound track.
        Assert.Equal("320,180,36", Probe("-count_frames", "-select_streams", "v:0", "-show_entries", "stream=width,height,nb_read_frames", "-of", "csv=p=0", target).Trim());
        Assert.Equal("audio", Probe("-select_streams", "a:0", "-show_entries", "stream=codec_type", "-of", "csv=p=0", target).Trim());
        Assert.Equal(["beep.wav", "cut.mp4", "two.previz.json", "wide.mp4"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_timeline_export_to_a_zip_holds_the_document_and_the_media()
    {
        var (folder, scene) = await SceneAsync();
        var take = Make(folder, "wide.mp4", "-f", "lavfi", "-i", "color=c=blue:size=320x180:rate=24:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        var target = Path.Combine(folder, "edit.zip");

        var run = await CliRun.Of("sequence", "export", scene, "--format", "otio", "--out", target, "--take", $"wide={take}");

        Assert.True(run.ExitCode == 0, run.Stderr);
        using var zip = ZipFile.OpenRead(target);
        Assert.Equal(["two shots.otio", "media/wide.mp4", "media/close-direct-render.mp4"], zip.Entries.Select(e => e.FullName));
    }

    [Theory]
    [InlineData("take-other-shot", "--take names shot \"nowhere\", which is not in the scene (its shots: wide, close).")]
    [InlineData("cue-past-end", "Sound cue \"beep\" starts at 9 s, outside the sequence (0 to 1.5 s).")]
    [InlineData("cue-not-audio", "is not an audio file: it has no sound to play.")]
    [InlineData("missing-take", "Media file not found: ")]
    [InlineData("bad-cue", "--cue \"beep.wav\" must be FILE@SECONDS or FILE@SECONDS:GAINDB (e.g. music.wav@12.5:-6).")]
    public async Task Bad_input_exits_2_with_one_clear_line_and_writes_nothing(string problem, string message)
    {
        var (folder, scene) = await SceneAsync();
        var take = Make(folder, "wide.mp4", "-f", "lavfi", "-i", "color=c=red:size=320x180:rate=24:duration=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        var beep = Make(folder, "beep.wav", "-f", "lavfi", "-i", "sine=frequency=1000:duration=0.3");
        var target = Path.Combine(folder, "cut.mp4");
        string[] extra = problem switch
        {
            "take-other-shot" => ["--take", $"nowhere={take}"],
            "cue-past-end" => ["--take", $"wide={take}", "--cue", $"{beep}@9"],
            "cue-not-audio" => ["--take", $"wide={take}", "--cue", $"{take}@0.5"],
            "missing-take" => ["--take", $"wide={Path.Combine(folder, "gone.mp4")}"],
            _ => ["--cue", "beep.wav"],
        };
        var before = Directory.GetFileSystemEntries(folder).Order().ToList();

        var run = await CliRun.Of(["sequence", "export", scene, "--format", "mp4", "--out", target, .. extra]);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("  ", StringComparison.Ordinal));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(folder).Order());
    }

    private static async Task<(string Folder, string Scene)> SceneAsync()
    {
        var folder = Repository.TempFolder();
        var scene = Path.Combine(folder, "two.previz.json");
        await File.WriteAllTextAsync(scene, TwoShots);
        return (folder, scene);
    }

    private static string Make(string folder, string name, params string[] args)
    {
        var path = Path.Combine(folder, name);
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-nostdin", "-v", "error", "-y", .. args, path])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return path;
    }

    private static string Probe(params string[] args)
    {
        var info = new ProcessStartInfo("ffprobe", ["-v", "error", .. args]) { RedirectStandardOutput = true };
        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
