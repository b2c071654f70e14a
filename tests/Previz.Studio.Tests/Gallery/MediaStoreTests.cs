using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Previz.Rendering.Tests.Video;
using Previz.Rendering.Video;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Tests.Api;

namespace Previz.Studio.Tests.Gallery;

/// <summary>Gallery posters: made in-process with FFmpeg's libraries, the frame and size ffmpeg's command gives.</summary>
public sealed class MediaStoreTests : IDisposable
{
    private readonly DataFolder _folder;
    private readonly CapturedLogs _logs = new();
    private readonly MediaStore _store;

    public MediaStoreTests()
    {
        _folder = new DataFolder(Directory.CreateTempSubdirectory("previz-media-store-").FullName);
        _folder.Create();
        _store = new MediaStore(_folder, new Logger<MediaStore>(new LoggerFactory([_logs])));
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

        var poster = await _store.PosterAsync(video, 2, inProcesses: false, CancellationToken.None);

        Assert.NotNull(poster);
        Assert.Equal(Path.Combine("media", "wide.jpg"), poster);
        Assert.Equal((640, 360), JpegPixels.Size(_folder.Resolve(poster)));
        Assert.InRange(JpegPixels.MeanAbsoluteDifference(_folder.Resolve(poster), reference), 0, 1.0);
        Assert.Empty(Directory.GetFiles(_folder.Temp, "*.jpg").Except([reference]));
    }

    [Fact]
    public async Task Posters_need_no_ffmpeg_program()
    {
        var video = MakeClip("small.mp4", "320x180");
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", "/nonexistent");
        try
        {
            var poster = await _store.PosterAsync(video, 2, inProcesses: false, CancellationToken.None);

            Assert.Equal((320, 180), JpegPixels.Size(_folder.Resolve(poster!)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Theory]
    [InlineData(true)] // PREVIZ_MEDIA_PROCESSES=1 for the whole process
    [InlineData(false)] // asked for by the caller: a generation whose earlier attempt died in FFmpeg's libraries
    public async Task Ffmpeg_processes_make_the_same_poster_when_set_for_the_process_or_asked_for_one_video(bool byVariable)
    {
        var first = MakeClip("first.mp4", "1280x720");
        var second = MakeClip("second.mp4", "1280x720");
        var inProcess = await _store.PosterAsync(first, 2, inProcesses: false, CancellationToken.None);
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable(LibavMedia.ProcessesVariable, byVariable ? "1" : null);
        try
        {
            // It is the process: without ffmpeg on the path there is none to start.
            Environment.SetEnvironmentVariable("PATH", "/nonexistent");
            await Assert.ThrowsAsync<ToolNotFoundException>(() => _store.PosterAsync(second, 2, inProcesses: !byVariable, CancellationToken.None));
            Environment.SetEnvironmentVariable("PATH", path);

            var byProcess = await _store.PosterAsync(second, 2, inProcesses: !byVariable, CancellationToken.None);

            Assert.Equal((640, 360), JpegPixels.Size(_folder.Resolve(byProcess!)));
            Assert.InRange(JpegPixels.MeanAbsoluteDifference(_folder.Resolve(inProcess!), _folder.Resolve(byProcess!)), 0, 1.0);
        }
        finally
        {
            Environment.SetEnvironmentVariable(LibavMedia.ProcessesVariable, null);
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_gets_no_poster_and_a_warning_naming_it()
    {
        var page = Path.Combine(_folder.Media, "page.mp4");
        await File.WriteAllTextAsync(page, "<html>expired</html>");

        var poster = await _store.PosterAsync(_folder.Relative(page), 2, inProcesses: false, CancellationToken.None);

        Assert.Null(poster);
        Assert.False(File.Exists(Path.ChangeExtension(page, ".jpg")));
        Assert.Contains(_logs.Lines, line => line.Contains("Warning: No poster (in-process): FFmpeg could not make a poster of", StringComparison.Ordinal)
            && line.Contains(page, StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(_folder.Temp));
    }

    /// <summary>A 2 s H.264 clip at 24 fps in the media folder; its path relative to the data folder.</summary>
    private string MakeClip(string name, string size)
    {
        var path = Path.Combine(_folder.Media, name);
        Run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", $"testsrc2=size={size}:rate=24:duration=2", "-c:v", "libx264",
            "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-y", path);
        return _folder.Relative(path);
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
