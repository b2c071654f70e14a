using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Previz.Providers.Generation;
using Previz.Rendering.Video;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Tests.Api;
using Previz.Testing;

namespace Previz.Studio.Tests.Gallery;

/// <summary>
/// Gallery posters and frames: the frame and size asked for, a warning instead of a poster for a broken file, and a
/// hosted clip's poster made by the ffmpeg process that finishes it.
/// </summary>
public sealed class MediaStoreTests : IDisposable
{
    private readonly DataFolder _folder;
    private readonly CapturedLogs _logs = new();
    private readonly MediaStore _store;

    public MediaStoreTests()
    {
        _folder = new DataFolder(Directory.CreateTempSubdirectory("previz-media-store-").FullName);
        _folder.Create();
        _store = new MediaStore(_folder, MediaTool.Default, new Logger<MediaStore>(new LoggerFactory([_logs])));
    }

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_folder.Root, recursive: true);
    }

    [Fact]
    public async Task A_poster_is_the_frame_at_a_third_of_the_clip_at_most_640_wide_like_ffmpegs()
    {
        var video = MakeClip("wide.mp4", "1280x720");
        var reference = Path.Combine(_folder.Temp, "reference.jpg");
        Run("ffmpeg", "-nostdin", "-v", "error", "-ss", "0.667", "-i", _folder.Resolve(video), "-frames:v", "1",
            "-vf", "scale='min(640,iw)':-2", "-q:v", "4", "-y", reference);

        var poster = await _store.PosterAsync(video, 2, CancellationToken.None);

        Assert.NotNull(poster);
        Assert.Equal(Path.Combine("media", "wide.jpg"), poster);
        Assert.Equal((640, 360), PixelStatistics.Size(_folder.Resolve(poster)));
        Assert.InRange(PixelStatistics.MeanAbsoluteDifference(_folder.Resolve(poster), reference), 0, 1.0);
        Assert.Empty(Directory.GetFiles(_folder.Temp, "*.jpg").Except([reference]));
    }

    [Fact]
    public async Task A_frame_of_a_clip_is_a_full_size_png_and_a_time_past_its_end_is_none()
    {
        var video = MakeClip("frames.mp4", "1280x720");

        var frame = await _store.FrameAsync(video, 1.5, CancellationToken.None);
        var past = await _store.FrameAsync(video, 60, CancellationToken.None);

        Assert.NotNull(frame);
        Assert.Equal((1280, 720), (BigEndian(frame, 16), BigEndian(frame, 20)));
        Assert.Null(past);
        Assert.Contains(_logs.Lines, line => line.Contains("Warning: No frame: ffmpeg could not make a frame of", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(_folder.Temp));
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_gets_no_poster_and_a_warning_naming_it()
    {
        var page = Path.Combine(_folder.Media, "page.mp4");
        await File.WriteAllTextAsync(page, "<html>expired</html>");

        var poster = await _store.PosterAsync(_folder.Relative(page), 2, CancellationToken.None);

        Assert.Null(poster);
        Assert.False(File.Exists(Path.ChangeExtension(page, ".jpg")));
        Assert.Contains(_logs.Lines, line => line.Contains("Warning: No poster: ffmpeg could not make a poster of", StringComparison.Ordinal)
            && line.Contains(page, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(_folder.Temp));
    }

    [Fact]
    public async Task A_vendor_clip_longer_than_the_shot_is_checked_trimmed_and_given_its_poster_by_two_processes()
    {
        // The media boundary pointed at wrappers that log each start: one ffprobe reads the download, one ffmpeg trims
        // it and writes the poster.
        var starts = Path.Combine(_folder.Root, "starts.log");
        var media = new MediaTool(new FfmpegOptions
        {
            FfmpegPath = Counted("ffmpeg", MediaTool.Default.Ffmpeg(), starts),
            FfprobePath = Counted("ffprobe", MediaTool.Default.Ffprobe(), starts),
        });
        // What a vendor returns: 5 s at 24 fps, for a 4 s shot.
        var download = Path.Combine(_folder.Temp, "download.mp4");
        Run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=5", "-c:v", "libx264",
            "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-y", download);
        var generation = new GenerationRecord { ShotId = "shot-1", Mode = "video", ModelId = "test/model", Duration = 4 };
        var clip = Path.Combine(_folder.Temp, "clip.mp4");
        var made = Path.Combine(_folder.Temp, "clip.jpg");
        var store = new MediaStore(_folder, media, new Logger<MediaStore>(new LoggerFactory([_logs])));

        var processing = await new PipelineFinisher(new GenerationFinisher(media)).FinishAsync(download, generation, clip, made, CancellationToken.None);
        var (_, video, _) = await store.AddAsync(clip, "mp4", CancellationToken.None);
        var poster = await store.PosterAsync(video, generation.Duration, made, CancellationToken.None);

        Assert.Equal(["ffprobe", "ffmpeg"], await File.ReadAllLinesAsync(starts));
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
        Assert.Equal((320, 180), PixelStatistics.Size(stored));
        var difference = PixelStatistics.MeanAbsoluteDifference(stored, reference);
        Assert.InRange(difference, 0, 1.0);
        Assert.True(difference < PixelStatistics.MeanAbsoluteDifference(stored, next), "the poster is closer to the next frame than to its own");
    }

    /// <summary>A 2 s H.264 clip at 24 fps in the media folder; its path relative to the data folder.</summary>
    private string MakeClip(string name, string size)
    {
        var path = Path.Combine(_folder.Media, name);
        Run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=24:duration=2", "-c:v", "libx264",
            "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-y", path);
        return _folder.Relative(path);
    }

    /// <summary>A shell script that logs <paramref name="tool"/> to <paramref name="log"/>, then runs <paramref name="program"/>.</summary>
    private string Counted(string tool, string program, string log)
    {
        var script = Path.Combine(_folder.Root, tool);
        File.WriteAllText(script, $"#!/bin/sh\necho {tool} >> '{log}'\nexec '{program}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return script;
    }

    private static int BigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

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
