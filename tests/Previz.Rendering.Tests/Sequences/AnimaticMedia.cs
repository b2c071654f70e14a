using System.Diagnostics;
using System.Globalization;
using Previz.Core.Scenes;
using Previz.Core.Sequences;
using Previz.Rendering.Tests.Video;

namespace Previz.Rendering.Tests.Sequences;

/// <summary>
/// Takes made with ffmpeg's test sources for the animatic tests (solid colours so every decoded frame says which take
/// it came from), and what the tests read back: per-frame colours and sound levels over time.
/// </summary>
internal static class AnimaticMedia
{
    /// <summary>The x264 settings every matching take shares (B-frames included), so their SPS/PPS are the same.</summary>
    private static readonly string[] Matching = ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "24"];

    /// <summary>2 s of red at 320×180, 24 fps, with a 440 Hz tone.</summary>
    public static string RedWithTone => Make("red.mp4", ["-f", "lavfi", "-i", "color=c=red:size=320x180:rate=24:duration=2",
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=2", .. Matching, "-c:a", "aac", "-shortest"]);

    /// <summary>2 s of blue at 320×180, 24 fps, no sound.</summary>
    public static string BlueSilent => Make("blue.mp4", ["-f", "lavfi", "-i", "color=c=blue:size=320x180:rate=24:duration=2", .. Matching]);

    /// <summary>2 s of green at 320×180, 24 fps, no sound (matches the red and blue takes).</summary>
    public static string GreenSilent => Make("green.mp4", ["-f", "lavfi", "-i", "color=c=green:size=320x180:rate=24:duration=2", .. Matching]);

    /// <summary>1 s (24 frames) of ffmpeg's test pattern with its moving counter: shorter than a 2 s shot.</summary>
    public static string ShortPattern => Make("pattern-short.mp4", ["-f", "lavfi", "-i", "testsrc=size=320x180:rate=24", "-frames:v", "24", .. Matching]);

    /// <summary>2 s of yellow at 640×360 and 30 fps: another size and rate, so the cut must be re-encoded.</summary>
    public static string YellowLarger => Make("yellow-640.mp4", ["-f", "lavfi", "-i", "color=c=yellow:size=640x360:rate=30:duration=2", .. Matching]);

    /// <summary>Half a second of a 1 kHz tone.</summary>
    public static string Beep => Make("beep.wav", ["-f", "lavfi", "-i", "sine=frequency=1000:sample_rate=48000:duration=0.5"]);

    /// <summary>A shot of <paramref name="seconds"/> at 24 fps.</summary>
    public static Shot Shot(string id, double seconds) => new() { Id = id, Name = $"Shot {id}", CameraId = "cam", Duration = seconds, Fps = 24 };

    /// <summary>A cut of the shots (2 s each at 24 fps, 320×180) with these takes and cues, probed as the studio would.</summary>
    public static async Task<SequenceCut> CutAsync(IReadOnlyList<(string Shot, string File)> takes, IReadOnlyList<(string File, double Start, double GainDb)>? cues = null)
    {
        var probe = new Rendering.Sequences.SequenceProbe();
        var rate = new FrameRate(24, 1);
        var map = new Dictionary<string, SequenceTake>();
        foreach (var (shot, file) in takes)
        {
            map[shot] = await probe.TakeAsync(file, rate, Path.GetFileName(file), null, CancellationToken.None);
        }

        var placements = new List<SoundCuePlacement>();
        foreach (var (file, start, gain) in cues ?? [])
        {
            placements.Add(new SoundCuePlacement(Path.GetFileNameWithoutExtension(file), file, start, await probe.AudioLengthAsync(file, CancellationToken.None), gain));
        }

        return SequenceCutBuilder.Build("test cut", [.. takes.Select(t => Shot(t.Shot, 2))], map, placements, 320, 180);
    }

    /// <summary>Every frame of a video's first stream, decoded and shrunk to its mean colour.</summary>
    public static List<(int R, int G, int B)> FrameColours(string video)
    {
        var bytes = Run(["-i", video, "-map", "0:v:0", "-vf", "scale=1:1:flags=area", "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"]);
        var colours = new List<(int, int, int)>(bytes.Length / 3);
        for (var i = 0; i + 2 < bytes.Length; i += 3)
        {
            colours.Add((bytes[i], bytes[i + 1], bytes[i + 2]));
        }

        return colours;
    }

    /// <summary>Every frame's grey pixels at 64×36, for comparing frames with each other.</summary>
    public static List<byte[]> GreyFrames(string video) => GreyFrames(video, "");

    /// <summary>Every frame's grey pixels at 64×36 after <paramref name="crop"/> (a crop filter and a comma, or empty).</summary>
    public static List<byte[]> GreyFrames(string video, string crop)
    {
        const int Size = 64 * 36;
        var bytes = Run(["-i", video, "-map", "0:v:0", "-vf", $"{crop}scale=64:36:flags=area,format=gray", "-f", "rawvideo", "pipe:1"]);
        return [.. bytes.Chunk(Size).Where(c => c.Length == Size)];
    }

    /// <summary>The sound's RMS level (0 to 1) in each tenth of a second, mixed to mono.</summary>
    public static List<double> LoudnessPerTenth(string media)
    {
        const int Rate = 8000;
        var bytes = Run(["-i", media, "-map", "0:a:0", "-ac", "1", "-ar", Rate.ToString(CultureInfo.InvariantCulture), "-f", "s16le", "pipe:1"]);
        var levels = new List<double>();
        var window = Rate / 10 * 2;
        for (var at = 0; at + window <= bytes.Length; at += window)
        {
            double sum = 0;
            for (var i = at; i < at + window; i += 2)
            {
                var sample = BitConverter.ToInt16(bytes, i) / 32768.0;
                sum += sample * sample;
            }

            levels.Add(Math.Sqrt(sum / (window / 2)));
        }

        return levels;
    }

    /// <summary>nb_read_frames of the first video stream, as ffprobe counts by decoding.</summary>
    public static int DecodedFrames(string video) =>
        int.Parse(Probe(["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", video]).Trim(), CultureInfo.InvariantCulture);

    /// <summary>ffprobe's answer for one entry (e.g. "stream=width,height,r_frame_rate" of v:0) as csv.</summary>
    public static string Probe(string[] args)
    {
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    public static bool IsRed((int R, int G, int B) c) => c.R > 180 && c.G < 60 && c.B < 60;

    public static bool IsBlue((int R, int G, int B) c) => c.B > 180 && c.R < 60 && c.G < 60;

    public static bool IsGreen((int R, int G, int B) c) => c.G > 90 && c.R < 60 && c.B < 60;

    public static bool IsYellow((int R, int G, int B) c) => c.R > 180 && c.G > 180 && c.B < 60;

    private static byte[] Run(string[] args)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-nostdin", "-v", "error", .. args])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        using var buffer = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(buffer);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ffmpeg {string.Join(' ', args)}: {errors.Result}");
        return buffer.ToArray();
    }

    private static string Make(string name, string[] args)
    {
        var path = Path.Combine(Folder.Value, name);
        lock (Folder)
        {
            if (!File.Exists(path))
            {
                TestVideos.RunFfmpeg([.. args, path]);
            }
        }

        return path;
    }

    /// <summary>A new empty folder for a test's output, removed with the others when the run ends.</summary>
    public static string OutputFolder()
    {
        var folder = Path.Combine(Folder.Value, "out", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static readonly Lazy<string> Folder = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("previz-animatic-takes-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    });
}
