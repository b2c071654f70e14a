using System.Globalization;
using System.Text.Json;

namespace Previz.Rendering.Video;

/// <summary>Reads ffprobe's JSON (<c>-print_format json</c>) of the first video stream into <see cref="VideoProbe"/>.</summary>
internal static class ProbeJson
{
    /// <summary>The figures of a <c>-count_frames</c> run; null when the file has no video stream.</summary>
    public static VideoProbe? Frames(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Stream(doc.RootElement, out var stream) ? Figures(doc.RootElement, stream, (int)Number(stream, "nb_read_frames")) : null;
    }

    /// <summary>
    /// The figures of a <c>-count_packets</c> run with each packet's flags: the packets shown (an edit list's hidden
    /// ones carry a "D" flag) as the frame count, with how many were read and how many the file's index lists.
    /// </summary>
    public static (VideoProbe Probe, int Read, int Listed)? Packets(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (!Stream(doc.RootElement, out var stream))
        {
            return null;
        }

        var shown = 0;
        if (doc.RootElement.TryGetProperty("packets", out var packets))
        {
            foreach (var packet in packets.EnumerateArray())
            {
                shown += Text(packet, "flags").Contains('D', StringComparison.Ordinal) ? 0 : 1;
            }
        }

        return (Figures(doc.RootElement, stream, shown), (int)Number(stream, "nb_read_packets"), (int)Number(stream, "nb_frames"));
    }

    /// <summary>
    /// The first video and audio stream of a <c>-show_entries stream=…:format=duration -show_data_hash</c> run over all
    /// streams.
    /// </summary>
    public static MediaStreams Streams(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var hasFormat = root.TryGetProperty("format", out var format);
        var container = hasFormat ? Number(format, "duration") : 0;
        VideoStreamInfo? video = null;
        AudioStreamInfo? audio = null;
        if (root.TryGetProperty("streams", out var streams))
        {
            foreach (var s in streams.EnumerateArray())
            {
                var duration = Number(s, "duration") is > 0 and var d ? d : container;
                switch (Text(s, "codec_type"))
                {
                    case "video" when video is null && !IsAttachedPicture(s):
                        video = new VideoStreamInfo(Text(s, "codec_name"), Text(s, "pix_fmt"), (int)Number(s, "width"), (int)Number(s, "height"),
                            Text(s, "r_frame_rate"), duration, Text(s, "extradata_hash"));
                        break;
                    case "audio" when audio is null:
                        audio = new AudioStreamInfo(Text(s, "codec_name"), (int)Number(s, "sample_rate"), (int)Number(s, "channels"), duration, Text(s, "extradata_hash"));
                        break;
                }
            }
        }

        return new MediaStreams(video, audio, container, hasFormat ? Text(format, "format_name") : string.Empty);
    }

    /// <summary>An MP3's or M4A's cover art shows up as a one-frame video stream: it is not picture to cut.</summary>
    private static bool IsAttachedPicture(JsonElement s) =>
        s.TryGetProperty("disposition", out var disposition) && Number(disposition, "attached_pic") > 0;

    private static bool Stream(JsonElement root, out JsonElement stream)
    {
        stream = default;
        if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
        {
            return false;
        }

        stream = streams[0];
        return true;
    }

    private static VideoProbe Figures(JsonElement root, JsonElement s, int frames)
    {
        var duration = Number(s, "duration");
        if (duration <= 0 && root.TryGetProperty("format", out var format))
        {
            // WebM gives its streams no duration of their own: the container's is the one.
            duration = Number(format, "duration");
        }

        return new VideoProbe(
            Text(s, "codec_name"),
            Text(s, "pix_fmt"),
            s.TryGetProperty("width", out var w) ? w.GetInt32() : 0,
            s.TryGetProperty("height", out var h) ? h.GetInt32() : 0,
            Rate(Text(s, "avg_frame_rate")),
            Rate(Text(s, "r_frame_rate")),
            frames,
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
