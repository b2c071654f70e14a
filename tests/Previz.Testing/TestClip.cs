using System.Diagnostics;
using System.Globalization;

namespace Previz.Testing;

/// <summary>Small real H.264 MP4s made with ffmpeg (what a vendor would return).</summary>
public static class TestClip
{
    private static readonly Lazy<byte[]> Bytes = new(() => Make(2));
    private static readonly Lazy<byte[]> FiveSecondBytes = new(() => Make(5));
    private static readonly Lazy<byte[]> FullHdBytes = new(() => Make(6, "1920x1080", "testsrc2"));

    /// <summary>2 s, 320×180, 24 fps.</summary>
    public static byte[] Mp4 => Bytes.Value;

    /// <summary>5 s, 320×180, 24 fps: a vendor clip longer than a 4 s shot, to be trimmed.</summary>
    public static byte[] FiveSecondMp4 => FiveSecondBytes.Value;

    /// <summary>6 s, 1920×1080, 24 fps, a busy picture: its media work takes long enough to be caught in the act.</summary>
    public static byte[] FullHdMp4 => FullHdBytes.Value;

    /// <summary>A copy of <see cref="Mp4"/> in <paramref name="folder"/> under a new name, as a finished download.</summary>
    public static async Task<string> CopyToAsync(string folder)
    {
        var clip = Path.Combine(folder, $"{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(clip, Mp4);
        return clip;
    }

    /// <summary>
    /// A <paramref name="seconds"/> s, 320×180, 24 fps clip with its index at the end (no <c>+faststart</c>) and a
    /// keyframe every 2 s, as a vendor's file may come: what finishing must move to the front is not already there.
    /// </summary>
    public static byte[] Unfinished(double seconds) =>
        Run(["-y", "-v", "error", "-f", "lavfi", "-i", $"testsrc=size=320x180:rate=24:duration={seconds.ToString(CultureInfo.InvariantCulture)}",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "48", "-pix_fmt", "yuv420p"]);

    /// <summary>
    /// Re-encodes <paramref name="input"/> to an H.264 MP4 at <paramref name="output"/> with ffmpeg output options in
    /// between (filters, a cut): a clip restyled, reversed or frozen the way a test needs it.
    /// </summary>
    public static async Task TransformAsync(string input, string output, params string[] options)
    {
        var bytes = await Task.Run(() => Run(["-nostdin", "-v", "error", "-i", input, .. options, "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-y"]));
        await File.WriteAllBytesAsync(output, bytes);
    }

    private static byte[] Make(int seconds, string size = "320x180", string source = "testsrc") =>
        Run(["-nostdin", "-v", "error", "-f", "lavfi", "-i", $"{source}=size={size}:rate=24:duration={seconds}", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-y"]);

    private static byte[] Run(string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"previz-clip-{Guid.NewGuid():N}.mp4");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in arguments.Append(path))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not make the test clip: {error}");
        }

        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }
}
