using System.Diagnostics;
using System.Numerics;
using Previz.Core;
using Previz.Core.Geometry;
using Previz.Core.Scenes;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Video;
using Previz.Testing;
using static Previz.Rendering.Tests.TestScenes;

namespace Previz.Rendering.Tests.Video;

public sealed class DirectRenderToMp4Tests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("previz-render-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static SceneDocument Scene(double fps = 24, double duration = 1, string aspect = "16:9") => TestScenes.Scene(
        [
            Box("box", new Vector3(0, 0, 0), new Vector3(1.5f), "#e04040", Euler(15, 30, 0)),
            Shape("ground", ShapeKind.Plane, new Vector3(0, -1, 0), new Vector3(40, 0, 40), "#40a040"),
        ],
        fps: fps,
        duration: duration,
        aspect: aspect);

    [Theory]
    [InlineData(24.0, 1.0, "16:9", 1280, 720)]
    [InlineData(23.976, 1.5, "9:16", 720, 1280)]
    [InlineData(30.0, 0.5, "2.39:1", 1280, 536)]
    public async Task A_shot_encodes_to_h264_yuv420p_with_every_frame_at_its_rate(double fps, double duration, string aspect, int width, int height)
    {
        var scene = Scene(fps, duration, aspect);
        var output = Path.Combine(_folder, "shot.mp4");

        await DirectRenderer.RenderToMp4Async(scene, scene.Shots[0], RenderPass.Shaded, ResolutionPreset.OneK, output, cancellationToken: CancellationToken.None);

        var probe = await MediaTool.Default.ProbeAsync(output, CancellationToken.None);
        Assert.Equal("h264", probe.Codec);
        Assert.Equal("yuv420p", probe.PixelFormat);
        Assert.Equal((width, height), (probe.Width, probe.Height));
        Assert.Equal(fps, probe.AverageFrameRate, 0.01);
        var expectedFrames = (int)Math.Round(duration * fps, MidpointRounding.AwayFromZero);
        Assert.Equal(expectedFrames, probe.FrameCount);
        Assert.Equal(expectedFrames, (int)Math.Round(probe.DurationSeconds * fps));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Decoded_frames_match_the_rendered_frames()
    {
        var scene = Scene(duration: 0.5);
        var shot = scene.Shots[0];
        var output = Path.Combine(_folder, "match.mp4");
        var progress = new List<RenderProgress>();

        await DirectRenderer.RenderToMp4Async(scene, shot, RenderPass.Wireframe, ResolutionPreset.OneK, output, new InlineProgress<RenderProgress>(progress.Add), CancellationToken.None);

        var size = FrameSize.For(shot.Aspect, ResolutionPreset.OneK);
        var decoded = await DecodeFrameAsync(output, index: 6, size);
        var rendered = new FrameRenderer(scene).Render(shot, shot.FrameTime(6), RenderPass.Wireframe, size);
        // yuv420p halves the chroma resolution and x264 is lossy: close on average, not equal.
        Assert.InRange(PixelStatistics.MeanAbsoluteDifference(decoded, rendered.Pixels), 0, 4);
        Assert.Equal(shot.FrameCount, progress[^1].FramesDone);
        Assert.Equal(Enumerable.Range(1, shot.FrameCount), progress.Select(p => p.FramesDone));
    }

    [Fact]
    public async Task Cancelling_stops_ffmpeg_and_leaves_no_file()
    {
        var scene = Scene(duration: 120);
        var output = Path.Combine(_folder, "cancelled.mp4");
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress<RenderProgress>(p =>
        {
            if (p.FramesDone == 5)
            {
                cancel.Cancel();
            }
        });
        var ffmpegBefore = FfmpegProcessIds();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            DirectRenderer.RenderToMp4Async(scene, scene.Shots[0], RenderPass.Shaded, ResolutionPreset.OneK, output, progress, cancel.Token));

        Assert.Empty(Directory.GetFiles(_folder));
        Assert.DoesNotContain(FfmpegProcessIds().Except(ffmpegBefore), id => IsWritingTo(id, _folder));
    }

    [Fact]
    public async Task A_failed_render_keeps_an_existing_file_and_leaves_no_partial_file()
    {
        var scene = Scene(duration: 0.5);
        var output = Path.Combine(_folder, "existing.mp4");
        await File.WriteAllTextAsync(output, "keep me", CancellationToken.None);
        var options = new DirectRenderOptions { Ffmpeg = new FfmpegOptions { Preset = "no-such-preset" } };

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() =>
            DirectRenderer.RenderToMp4Async(scene, scene.Shots[0], RenderPass.Depth, ResolutionPreset.OneK, output, options, null, CancellationToken.None));

        Assert.Contains("no-such-preset", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("keep me", await File.ReadAllTextAsync(output, CancellationToken.None));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task Missing_ffmpeg_is_a_typed_error_that_says_how_to_install_it()
    {
        var scene = Scene();
        var options = new DirectRenderOptions { Ffmpeg = new FfmpegOptions { FfmpegPath = Path.Combine(_folder, "no", "ffmpeg") } };

        var error = await Assert.ThrowsAsync<ToolNotFoundException>(() =>
            DirectRenderer.RenderToMp4Async(scene, scene.Shots[0], RenderPass.Shaded, ResolutionPreset.OneK, Path.Combine(_folder, "x.mp4"), options, null, CancellationToken.None));

        Assert.Equal("ffmpeg", error.Tool);
        Assert.Contains("sudo apt-get install -y ffmpeg", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    private static async Task<byte[]> DecodeFrameAsync(string video, int index, FrameSize size)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-v", "error", "-i", video, "-vf", $"select=eq(n\\,{index})", "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgba", "-"])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        using var buffer = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(buffer);
        await process.WaitForExitAsync();
        Assert.Equal(size.PixelCount * 4, buffer.Length);
        return buffer.ToArray();
    }

    private static HashSet<int> FfmpegProcessIds() =>
        [.. Process.GetProcessesByName("ffmpeg").Select(p => p.Id)];

    private static bool IsWritingTo(int pid, string folder)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Contains(folder, StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
