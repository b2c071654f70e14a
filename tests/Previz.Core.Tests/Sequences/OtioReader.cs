using System.Text.Json;

namespace Previz.Core.Tests.Sequences;

/// <summary>
/// A small reader of OpenTimelineIO JSON written from the file format specification
/// (docs/tutorials/otio-file-format-specification.md) and the serialized schema (otio-serialized-schema.md), not from
/// our writer: it walks OTIO_SCHEMA nodes (Timeline → Stack "tracks" → Track → Clip / Gap), lays a Track's children
/// end to end as the spec's sequential composition does, and turns every RationalTime into whole frames at the rate it
/// is told, failing on any other rate or on a fractional value.
/// </summary>
internal static class OtioReader
{
    public sealed record Item(string Schema, string Name, long RecordStart, long SourceStart, long Duration, string? TargetUrl, IReadOnlyList<string> Effects, JsonElement Metadata);

    public sealed record Track(string Name, string Kind, IReadOnlyList<Item> Items);

    public sealed record Marker(string Name, long Start, long Duration, string? Color);

    public sealed record Timeline(string Name, long GlobalStart, IReadOnlyList<Track> Tracks, IReadOnlyList<Marker> Markers);

    public static Timeline Read(string json, double rate)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.Clone();
        Expect(root, "Timeline", 1);
        var stack = root.GetProperty("tracks");
        Expect(stack, "Stack", 1);
        var tracks = new List<Track>();
        foreach (var track in stack.GetProperty("children").EnumerateArray())
        {
            Expect(track, "Track", 1);
            var items = new List<Item>();
            long at = 0;
            foreach (var child in track.GetProperty("children").EnumerateArray())
            {
                var (schema, _) = Schema(child);
                var range = Range(child.GetProperty("source_range"), rate);
                string? url = null;
                if (schema == "Clip")
                {
                    Expect(child, "Clip", 2);
                    var key = child.GetProperty("active_media_reference_key").GetString()!;
                    var reference = child.GetProperty("media_references").GetProperty(key);
                    Expect(reference, "ExternalReference", 1);
                    url = reference.GetProperty("target_url").GetString();
                }
                else if (schema != "Gap")
                {
                    throw new InvalidDataException($"A track child of schema {schema} is not expected here.");
                }

                var effects = child.GetProperty("effects").EnumerateArray().Select(e => e.GetProperty("OTIO_SCHEMA").GetString()!).ToList();
                items.Add(new Item(schema, child.GetProperty("name").GetString()!, at, range.Start, range.Duration, url, effects, child.GetProperty("metadata").Clone()));
                at += range.Duration;
            }

            tracks.Add(new Track(track.GetProperty("name").GetString()!, track.GetProperty("kind").GetString()!, items));
        }

        var markers = stack.GetProperty("markers").EnumerateArray().Select(m =>
        {
            var (schema, _) = Schema(m);
            Assert.Equal("Marker", schema);
            var range = Range(m.GetProperty("marked_range"), rate);
            return new Marker(m.GetProperty("name").GetString()!, range.Start, range.Duration, m.TryGetProperty("color", out var c) ? c.GetString() : null);
        }).ToList();

        return new Timeline(root.GetProperty("name").GetString()!, Frames(root.GetProperty("global_start_time"), rate), tracks, markers);
    }

    private static (string Name, int Version) Schema(JsonElement node)
    {
        var text = node.GetProperty("OTIO_SCHEMA").GetString()!;
        var dot = text.LastIndexOf('.');
        return (text[..dot], int.Parse(text[(dot + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Expect(JsonElement node, string name, int version) => Assert.Equal((name, version), Schema(node));

    private static (long Start, long Duration) Range(JsonElement range, double rate)
    {
        Expect(range, "TimeRange", 1);
        return (Frames(range.GetProperty("start_time"), rate), Frames(range.GetProperty("duration"), rate));
    }

    private static long Frames(JsonElement time, double rate)
    {
        Expect(time, "RationalTime", 1);
        Assert.Equal(rate, time.GetProperty("rate").GetDouble(), 12);
        var value = time.GetProperty("value").GetDouble();
        Assert.Equal(Math.Round(value), value);
        return (long)value;
    }
}
