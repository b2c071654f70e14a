using System.Diagnostics;
using System.Text.Json;

namespace Previz.Cli.Tests;

public class RenderCommandTests
{
    private const string ShortScene = """
    {
      "name": "short",
      "objects": [ { "id": "box", "kind": "box", "color": "#cc3333",
                     "animation": { "position": [ { "time": 0, "value": [-1, 0, 0] }, { "time": 0.5, "value": [1, 0, 0] } ] } } ],
      "cameras": [ { "id": "cam", "transform": { "position": [0, 1, 6] }, "aimTarget": "box" } ],
      "shots": [ { "id": "quick", "cameraId": "cam", "aspect": "9:16", "duration": 0.5, "fps": 30 } ]
    }
    """;

    [Fact]
    public async Task Rendering_a_shot_writes_an_h264_mp4_with_every_frame()
    {
        var folder = Repository.TempFolder();
        var scene = Path.Combine(folder, "short.previz.json");
        await File.WriteAllTextAsync(scene, ShortScene);
        var target = Path.Combine(folder, "quick.mp4");

        var run = await CliRun.Of("render", scene, "--pass", "shaded", "--out", target);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(Path.GetFullPath(target), run.Stdout.Trim());
        var probe = await Probe(target);
        var stream = probe.GetProperty("streams")[0];
        Assert.Equal("h264", stream.GetProperty("codec_name").GetString());
        Assert.Equal("yuv420p", stream.GetProperty("pix_fmt").GetString());
        Assert.Equal(720, stream.GetProperty("width").GetInt32());
        Assert.Equal(1280, stream.GetProperty("height").GetInt32());
        Assert.Equal("30/1", stream.GetProperty("r_frame_rate").GetString());
        Assert.Equal("15", stream.GetProperty("nb_read_frames").GetString());
    }

    [Fact]
    public async Task A_still_is_a_png_of_the_frame_size()
    {
        var folder = Repository.TempFolder();
        var target = Path.Combine(folder, "still.png");
        var run = await CliRun.Of("still", Repository.Sample("stadium.previz.json"), "--shot", "breakaway", "--time", "1.5", "--resolution", "2k", "--out", target);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var header = await File.ReadAllBytesAsync(target);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, header[..4]);
        // IHDR width and height, big-endian: 2.39:1 at a 1920 long edge is 1920 × 804 (even).
        var width = (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19];
        var height = (header[20] << 24) | (header[21] << 16) | (header[22] << 8) | header[23];
        Assert.Equal(1920, width);
        Assert.Equal(804, height);
    }

    [Fact]
    public async Task A_time_outside_the_shot_is_a_user_error()
    {
        var run = await CliRun.Of("still", Repository.Sample("stadium.previz.json"), "--time", "99");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("lasts 8 s", run.Stderr);
    }

    private static async Task<JsonElement> Probe(string file)
    {
        var info = new ProcessStartInfo("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames", "-of", "json", file])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(info)!;
        var json = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
