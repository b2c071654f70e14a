using System.Collections.Concurrent;
using System.Diagnostics;

namespace Previz.Rendering.Tests.Video;

/// <summary>
/// Small clips made once per test run with ffmpeg's test sources, in a temporary folder removed when the run ends:
/// the kinds of file the media boundary meets.
/// </summary>
internal static class TestVideos
{
    private static readonly string Folder = CreateFolder();
    private static readonly ConcurrentDictionary<string, Lazy<string>> Made = new();

    /// <summary>2 s of 320×180 at 24 fps, H.264 (no B-frames), moov first.</summary>
    public static string H264 => Make("h264.mp4", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=2",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart");

    /// <summary>2 s of 640×360 at 30 fps with an AAC tone, moov last (as ffmpeg writes by default).</summary>
    public static string H264WithAudio => Make("h264-audio.mp4", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=30:duration=2",
        "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-shortest");

    /// <summary>
    /// 2 s of 320×180 with B-frames and an AAC tone, both shifted 0.2 s later, so each starts after 0 (the audio's
    /// priming a little before the video): MP4 edit lists, where a copy that misread the audio from the header alone
    /// timed it one AAC frame short.
    /// </summary>
    public static string LateStreams => Make("late-streams.mp4", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=2",
        "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-bf", "2", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-output_ts_offset", "0.2");

    /// <summary>37 frames (an odd count) of 320×180 at 24 fps with B-frames, which the decoder holds back until drained.</summary>
    public static string OddFrameCount => Make("odd.mp4", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24", "-frames:v", "37",
        "-c:v", "libx264", "-preset", "fast", "-bf", "3", "-pix_fmt", "yuv420p");

    /// <summary>3 s at 23.976 fps (24000/1001), moov first.</summary>
    public static string Ntsc => Make("ntsc.mp4", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24000/1001:duration=3",
        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-movflags", "+faststart");

    /// <summary>2 s of MPEG-4 part 2 in AVI at 25 fps.</summary>
    public static string Mpeg4 => Make("mpeg4.avi", "-f", "lavfi", "-i", "testsrc=size=352x288:rate=25:duration=2", "-c:v", "mpeg4");

    /// <summary>1 s of VP9 in WebM, whose stream has no duration of its own (the container's counts).</summary>
    public static string Vp9 => Make("vp9.webm", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=24:duration=1",
        "-c:v", "libvpx-vp9", "-deadline", "realtime", "-pix_fmt", "yuv420p");

    /// <summary>1 s of 1000×562 MPEG-4 at 25 fps: wider than a poster, with a height that rounds to an even one.</summary>
    public static string Wide => Make("wide.avi", "-f", "lavfi", "-i", "testsrc2=size=1000x562:rate=25:duration=1", "-c:v", "mpeg4", "-q:v", "3");

    /// <summary>Half a second of 160×90: cheap enough to probe thousands of times.</summary>
    public static string Tiny => Make("tiny.mp4", "-f", "lavfi", "-i", "testsrc=size=160x90:rate=24:duration=0.5",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");

    /// <summary>10 s of 640×360 at 30 fps: a probe long enough to cancel halfway.</summary>
    public static string Long => Make("long.mp4", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=30:duration=10",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart");

    /// <summary>1 s of a tone, no picture.</summary>
    public static string AudioOnly => Make("tone.m4a", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "aac");

    /// <summary>The clips every probe is checked on, by the names theories show.</summary>
    public static TheoryData<string> ProbeClips => new() { "h264", "h264-audio", "odd", "ntsc", "mpeg4", "vp9", "wide" };

    /// <summary>The clip a name of <see cref="ProbeClips"/> stands for.</summary>
    public static string Named(string name) => name switch
    {
        "h264" => H264,
        "h264-audio" => H264WithAudio,
        "odd" => OddFrameCount,
        "ntsc" => Ntsc,
        "mpeg4" => Mpeg4,
        "vp9" => Vp9,
        "wide" => Wide,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>A fresh path in the run's folder for a file a test writes.</summary>
    public static string Output(string extension) => Path.Combine(Folder, $"{Guid.NewGuid():N}{extension}");

    /// <summary>Runs ffmpeg with these arguments (quiet, never prompting) and fails the test on a non-zero exit.</summary>
    public static void RunFfmpeg(params string[] args)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-nostdin", "-v", "error", "-y", .. args])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg {string.Join(' ', args)}: {error}");
    }

    private static string Make(string name, params string[] args) =>
        Made.GetOrAdd(name, _ => new Lazy<string>(() =>
        {
            var path = Path.Combine(Folder, name);
            RunFfmpeg([.. args, path]);
            return path;
        })).Value;

    private static string CreateFolder()
    {
        var folder = Directory.CreateTempSubdirectory("previz-media-clips-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    }
}
