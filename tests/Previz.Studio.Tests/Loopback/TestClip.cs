using System.Diagnostics;

namespace Previz.Studio.Tests.Loopback;

/// <summary>A small real H.264 MP4 made with ffmpeg (what a vendor would return).</summary>
public static class TestClip
{
    private static readonly Lazy<byte[]> Bytes = new(Make);

    public static byte[] Mp4 => Bytes.Value;

    private static byte[] Make()
    {
        var path = Path.Combine(Path.GetTempPath(), $"previz-clip-{Guid.NewGuid():N}.mp4");
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-y", path })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        var bytes = File.ReadAllBytes(path);
        File.Delete(path);
        return bytes;
    }
}
