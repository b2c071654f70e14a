using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Previz.Providers.Generation;
using Previz.Rendering.Tests.Video;
using Previz.Rendering.Video;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Tests.Api;

namespace Previz.Studio.Tests.Gallery;

/// <summary>
/// The child processes a finished hosted clip costs, counted by pointing the media boundary at wrappers that log each
/// start: one ffprobe reads the download, one ffmpeg trims it and writes the gallery's poster.
/// </summary>
public sealed class FinishedClipProcessTests : IDisposable
{
    private readonly DataFolder _folder;
    private readonly CapturedLogs _logs = new();
    private readonly string _starts;
    private readonly MediaTool _media;

    public FinishedClipProcessTests()
    {
        _folder = new DataFolder(Directory.CreateTempSubdirectory("previz-finished-clip-").FullName);
        _folder.Create();
        _starts = Path.Combine(_folder.Root, "starts.log");
        _media = new MediaTool(new FfmpegOptions
        {
            FfmpegPath = Counted("ffmpeg", MediaTool.Default.Ffmpeg()),
            FfprobePath = Counted("ffprobe", MediaTool.Default.Ffprobe()),
        });
    }

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_folder.Root, recursive: true);
    }

    [Fact]
    public async Task A_vendor_clip_longer_than_the_shot_is_checked_trimmed_and_given_its_poster_by_two_processes()
    {
        // What a vendor returns: 5 s at 24 fps, for a 4 s shot.
        var download = Path.Combine(_folder.Temp, "download.mp4");
        Run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=5", "-c:v", "libx264",
            "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-y", download);
        var generation = new GenerationRecord { ShotId = "shot-1", Mode = "video", ModelId = "test/model", Duration = 4 };
        var clip = Path.Combine(_folder.Temp, "clip.mp4");
        var made = Path.Combine(_folder.Temp, "clip.jpg");
        var store = new MediaStore(_folder, _media, new Logger<MediaStore>(new LoggerFactory([_logs])));

        var processing = await new PipelineFinisher(new GenerationFinisher(_media)).FinishAsync(download, generation, clip, made, CancellationToken.None);
        var (_, video, _) = await store.AddAsync(clip, "mp4", CancellationToken.None);
        var poster = await store.PosterAsync(video, generation.Duration, made, CancellationToken.None);

        Assert.Equal(["ffprobe", "ffmpeg"], await File.ReadAllLinesAsync(_starts));
        Assert.Equal("trimmed 5.000 s to 4.000 s, re-encoded to H.264, +faststart", processing);
        Assert.NotNull(poster);
        Assert.Empty(Directory.GetFiles(_folder.Temp, "*.jpg"));
        // The frame a poster of its own would show: a third of 4 s, at most 1 s in, i.e. frame 24 of the stored clip.
        var reference = Path.Combine(_folder.Root, "frame-24.jpg");
        var next = Path.Combine(_folder.Root, "frame-25.jpg");
        foreach (var (n, jpeg) in new[] { (24, reference), (25, next) })
        {
            Run("ffmpeg", "-nostdin", "-v", "error", "-i", _folder.Resolve(video), "-vf", $"select=eq(n\\,{n}),scale='min(640,iw)':-2",
                "-frames:v", "1", "-q:v", "4", "-y", jpeg);
        }

        var stored = _folder.Resolve(poster);
        Assert.Equal((320, 180), JpegPixels.Size(stored));
        var difference = JpegPixels.MeanAbsoluteDifference(stored, reference);
        Assert.InRange(difference, 0, 1.0);
        Assert.True(difference < JpegPixels.MeanAbsoluteDifference(stored, next), "the poster is closer to the next frame than to its own");
    }

    /// <summary>A shell script that logs <paramref name="tool"/> to the starts log, then runs <paramref name="program"/>.</summary>
    private string Counted(string tool, string program)
    {
        var script = Path.Combine(_folder.Root, tool);
        File.WriteAllText(script, $"#!/bin/sh\necho {tool} >> '{_starts}'\nexec '{program}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program}: {error}");
    }
}
