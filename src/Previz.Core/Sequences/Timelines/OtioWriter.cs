using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Previz.Core.Sequences.Timelines;

/// <summary>
/// Writes a cut as an OpenTimelineIO JSON document (<c>.otio</c>), following the serialized schema documented in
/// OpenTimelineIO's <c>docs/tutorials/otio-serialized-schema.md</c> and <c>otio-file-format-specification.md</c>
/// (https://github.com/AcademySoftwareFoundation/OpenTimelineIO, release v0.18.1).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Timeline.1 → Stack.1 "tracks" → Track.1 "V1" (kind Video) and one Track.1 per layer of sound cues ("A1", "A2"…,
/// kind Audio; cues that overlap go on the next track, with Gap.1 between cues on a track).</item>
/// <item>Every time is a RationalTime.1 whose value counts frames at the cut's rate (rate 24000/1001 written as the
/// double 23.976023976023978, as OpenTimelineIO itself stores it). <c>global_start_time</c> is 01:00:00:00 non-drop,
/// the same record start as the FCPXML and EDL exports.</item>
/// <item>Clip.2 carries its media in <c>media_references</c> under the key <c>DEFAULT_MEDIA</c> (the library's default
/// key) with <c>active_media_reference_key</c> naming it; an ExternalReference.1 whose <c>target_url</c> is the take's
/// relative path as given (OpenTimelineIO resolves relative URLs against the file's folder).</item>
/// <item>A take shorter than its shot becomes two clips: the shot's name with the take's frames, then "name (hold)":
/// one clip of the take's last frame whose <c>source_range</c> starts at that frame and lasts the held frames, with a
/// FreezeFrame.1 effect ("hold the first frame of the clip for the duration of the clip").</item>
/// <item>Each sound cue is a Clip.2 on an audio track and a Marker.2 named after it on the top-level stack (the
/// timeline's own markers), marking the cue's range. Gain has no place in the schema: it is in the clip's metadata
/// under <c>previz.gain_db</c>.</item>
/// <item>Marker.2 (not Marker.3): Marker.3 exists only on OpenTimelineIO's main branch after v0.18.1; readers of both
/// upgrade 2 to 3, while v0.18.1 cannot read 3.</item>
/// </list>
/// </remarks>
public static class OtioWriter
{
    /// <summary>The key of the one media reference each clip has.</summary>
    public const string MediaReferenceKey = "DEFAULT_MEDIA";

    /// <summary>The OpenTimelineIO JSON text of <paramref name="cut"/>.</summary>
    public static string Write(SequenceCut cut)
    {
        ArgumentNullException.ThrowIfNull(cut);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            // Relaxed escaping keeps names readable ("Stadium <night>", "+3 dB"); the text is a file, never HTML.
            var rate = Number(cut.Rate.PerSecond);
            json.WriteStartObject();
            json.WriteString("OTIO_SCHEMA", "Timeline.1");
            json.WriteStartObject("metadata");
            json.WriteStartObject("previz");
            json.WriteString("rate", cut.Rate.ToString());
            json.WriteNumber("width", cut.Width);
            json.WriteNumber("height", cut.Height);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteString("name", cut.Name);
            json.WritePropertyName("global_start_time");
            WriteTime(json, Timecode.RecordStartFrames(cut.Rate), rate);

            json.WriteStartObject("tracks");
            json.WriteString("OTIO_SCHEMA", "Stack.1");
            WriteItemHead(json, "tracks");
            json.WriteStartArray("markers");
            foreach (var cue in cut.Cues)
            {
                WriteMarker(json, cue, rate);
            }

            json.WriteEndArray();
            json.WriteStartArray("children");
            WriteVideoTrack(json, cut, rate);
            WriteAudioTracks(json, cut, rate);
            json.WriteEndArray();
            json.WriteEndObject();

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteVideoTrack(Utf8JsonWriter json, SequenceCut cut, string rate)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "Track.1");
        WriteItemHead(json, "V1");
        json.WriteStartArray("markers");
        json.WriteEndArray();
        json.WriteString("kind", "Video");
        json.WriteStartArray("children");
        foreach (var clip in cut.Clips)
        {
            var reference = (clip.Take.MediaPath, (long?)clip.Take.SourceFrames);
            WriteClip(json, clip.Name, 0, clip.SourceFrames, rate, reference, freeze: false, Metadata(clip));
            if (clip.HeldFrames > 0)
            {
                WriteClip(json, clip.Name + " (hold)", clip.Take.SourceFrames - 1, clip.HeldFrames, rate, reference, freeze: true, Metadata(clip));
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();

        static Action<Utf8JsonWriter> Metadata(SequenceClip clip) => json =>
        {
            json.WriteString("shot_id", clip.ShotId);
            json.WriteString("take", clip.Take.Label);
        };
    }

    private static void WriteAudioTracks(Utf8JsonWriter json, SequenceCut cut, string rate)
    {
        var lanes = AudioLanes.Assign(cut.Cues);
        for (var lane = 0; lane < AudioLanes.Count(lanes); lane++)
        {
            json.WriteStartObject();
            json.WriteString("OTIO_SCHEMA", "Track.1");
            WriteItemHead(json, string.Create(CultureInfo.InvariantCulture, $"A{lane + 1}"));
            json.WriteStartArray("markers");
            json.WriteEndArray();
            json.WriteString("kind", "Audio");
            json.WriteStartArray("children");
            var at = 0;
            for (var i = 0; i < cut.Cues.Count; i++)
            {
                if (lanes[i] != lane)
                {
                    continue;
                }

                var cue = cut.Cues[i];
                if (cue.RecordStart > at)
                {
                    WriteGap(json, cue.RecordStart - at, rate);
                }

                WriteClip(json, cue.Name, 0, cue.Frames, rate, (cue.MediaPath, null), freeze: false, json => json.WriteNumber("gain_db", cue.GainDb));
                at = cue.RecordEnd;
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }
    }

    private static void WriteClip(
        Utf8JsonWriter json,
        string name,
        long start,
        long frames,
        string rate,
        (string Path, long? Frames) media,
        bool freeze,
        Action<Utf8JsonWriter> previz)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "Clip.2");
        json.WriteStartObject("metadata");
        json.WriteStartObject("previz");
        previz(json);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("name", name);
        json.WritePropertyName("source_range");
        WriteRange(json, start, frames, rate);
        json.WriteStartArray("effects");
        if (freeze)
        {
            json.WriteStartObject();
            json.WriteString("OTIO_SCHEMA", "FreezeFrame.1");
            json.WriteStartObject("metadata");
            json.WriteEndObject();
            json.WriteString("name", "");
            json.WriteString("effect_name", "FreezeFrame");
            json.WriteBoolean("enabled", true);
            json.WritePropertyName("time_scalar");
            json.WriteRawValue("0.0");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("markers");
        json.WriteEndArray();
        json.WriteBoolean("enabled", true);
        json.WriteStartObject("media_references");
        json.WriteStartObject(MediaReferenceKey);
        json.WriteString("OTIO_SCHEMA", "ExternalReference.1");
        json.WriteStartObject("metadata");
        json.WriteEndObject();
        json.WriteString("name", Path.GetFileName(media.Path));
        json.WritePropertyName("available_range");
        if (media.Frames is { } available)
        {
            WriteRange(json, 0, available, rate);
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteNull("available_image_bounds");
        json.WriteString("target_url", media.Path);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteString("active_media_reference_key", MediaReferenceKey);
        json.WriteEndObject();
    }

    private static void WriteGap(Utf8JsonWriter json, long frames, string rate)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "Gap.1");
        json.WriteStartObject("metadata");
        json.WriteEndObject();
        json.WriteString("name", "");
        json.WritePropertyName("source_range");
        WriteRange(json, 0, frames, rate);
        json.WriteStartArray("effects");
        json.WriteEndArray();
        json.WriteStartArray("markers");
        json.WriteEndArray();
        json.WriteBoolean("enabled", true);
        json.WriteEndObject();
    }

    private static void WriteMarker(Utf8JsonWriter json, SoundCue cue, string rate)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "Marker.2");
        json.WriteStartObject("metadata");
        json.WriteEndObject();
        json.WriteString("name", cue.Name);
        json.WriteString("color", "GREEN");
        json.WritePropertyName("marked_range");
        WriteRange(json, cue.RecordStart, cue.Frames, rate);
        json.WriteString("comment", string.Create(CultureInfo.InvariantCulture, $"Sound cue {cue.MediaPath} at {cue.GainDb:+0.##;-0.##;0} dB"));
        json.WriteEndObject();
    }

    /// <summary>The fields every Item (Stack, Track) starts with; the caller writes markers, kind and children.</summary>
    private static void WriteItemHead(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject("metadata");
        json.WriteEndObject();
        json.WriteString("name", name);
        json.WriteNull("source_range");
        json.WriteStartArray("effects");
        json.WriteEndArray();
        json.WriteBoolean("enabled", true);
    }

    private static void WriteRange(Utf8JsonWriter json, long start, long frames, string rate)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "TimeRange.1");
        json.WritePropertyName("duration");
        WriteTime(json, frames, rate);
        json.WritePropertyName("start_time");
        WriteTime(json, start, rate);
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, long frames, string rate)
    {
        json.WriteStartObject();
        json.WriteString("OTIO_SCHEMA", "RationalTime.1");
        json.WritePropertyName("rate");
        json.WriteRawValue(rate);
        json.WritePropertyName("value");
        json.WriteRawValue(Number(frames));
        json.WriteEndObject();
    }

    /// <summary>A double as OpenTimelineIO writes one: shortest round-trip form, always with a decimal point.</summary>
    private static string Number(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
