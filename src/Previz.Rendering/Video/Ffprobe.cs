using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Previz.Rendering.Video;

/// <summary>
/// Reads a video's codec, pixel format, size, frame rate, decoded frame count and duration: in-process with FFmpeg's
/// libraries when <see cref="LibavMedia"/> is there, else with an ffprobe process; the same figures either way.
/// </summary>
public static class Ffprobe
{
    public static Task<VideoProbe> ProbeAsync(string path, FfmpegOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return LibavMedia.IsUsedFor(options)
            ? LibavMedia.ProbeAsync(path, cancellationToken)
            : ProbeWithProcessAsync(path, options, cancellationToken);
    }

    /// <summary>
    /// The same figures where reading the packets is check enough (a download, a stream copy): in-process the packets
    /// are counted and only the first frame is decoded (see <see cref="LibavMedia.ProbePacketsAsync"/>), a few times
    /// cheaper; the ffprobe process decodes every frame, as its start-up costs more than the decoding.
    /// </summary>
    public static Task<VideoProbe> ProbePacketsAsync(string path, FfmpegOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return LibavMedia.IsUsedFor(options)
            ? LibavMedia.ProbePacketsAsync(path, cancellationToken)
            : ProbeWithProcessAsync(path, options, cancellationToken);
    }

    /// <summary>
    /// The figures of a stream copy whose source was probed already: in-process its packets are counted and nothing is
    /// decoded, nor the pixel format of an MP4 read (see <see cref="LibavMedia.CountPacketsAsync"/>); the ffprobe process
    /// decodes every frame, as above.
    /// </summary>
    public static Task<VideoProbe> CountPacketsAsync(string path, FfmpegOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return LibavMedia.IsUsedFor(options)
            ? LibavMedia.CountPacketsAsync(path, cancellationToken)
            : ProbeWithProcessAsync(path, options, cancellationToken);
    }

    /// <summary>The ffprobe process: the fallback, and the reference the in-process figures are checked against.</summary>
    internal static async Task<VideoProbe> ProbeWithProcessAsync(string path, FfmpegOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var ffprobe = FfmpegLocator.Ffprobe(options);
        var info = new ProcessStartInfo(ffprobe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var arg in (string[])["-v", "error", "-count_frames", "-select_streams", "v:0",
            "-show_entries", "stream=codec_name,pix_fmt,width,height,avg_frame_rate,r_frame_rate,nb_read_frames,duration:format=duration",
            "-print_format", "json", path])
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new ToolNotFoundException("ffprobe", ffprobe);
        }
        catch (Win32Exception e)
        {
            throw new ToolNotFoundException("ffprobe", ffprobe, e);
        }

        using (process)
        {
            var stderr = new StderrTail();
            stderr.Attach(process);
            string json;
            try
            {
                json = await process.StandardOutput.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                throw;
            }

            if (process.ExitCode != 0)
            {
                throw new VideoEncodingException($"ffprobe could not read \"{path}\":{Environment.NewLine}{stderr}");
            }

            return Parse(json) ?? throw new VideoEncodingException($"\"{path}\" has no video stream.");
        }
    }

    internal static VideoProbe? Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
        {
            return null;
        }

        var s = streams[0];
        var duration = Number(s, "duration");
        if (duration <= 0 && doc.RootElement.TryGetProperty("format", out var format))
        {
            duration = Number(format, "duration");
        }

        return new VideoProbe(
            Text(s, "codec_name"),
            Text(s, "pix_fmt"),
            s.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
            s.TryGetProperty("height", out var h) ? h.GetInt32() : 0,
            Rate(Text(s, "avg_frame_rate")),
            Rate(Text(s, "r_frame_rate")),
            (int)Number(s, "nb_read_frames"),
            duration);
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    /// <summary>ffprobe writes most numbers as strings.</summary>
    private static double Number(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return 0;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => 0,
        };
    }

    private static double Rate(string fraction)
    {
        var parts = fraction.Split('/');
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d != 0)
        {
            return n / d;
        }

        return double.TryParse(fraction, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? r : 0;
    }
}
