using System.Globalization;
using System.Numerics;
using System.Xml.Linq;
using Previz.Core.Scenes;
using Previz.Core.Sequences;

namespace Previz.Core.Tests.Sequences;

/// <summary>
/// A small FCPXML reader written from Apple's FCPXML reference and DTD, not from our writer. Times are rational
/// seconds ("1001/24000s", "5s"), turned into whole frames at the cut's rate (failing when one is off a frame). A spine
/// clip's record frame is its offset less the sequence's tcStart; an anchored item's offset and a marker's start are
/// in its parent's local time, where the parent's <c>start</c> sits at the parent's <c>offset</c>.
/// </summary>
internal static class FcpxmlReader
{
    public sealed record Clip(string Name, string Src, long Record, long Start, long Duration, int Lane, IReadOnlyList<(long Time, long Value)> TimeMap, string? Volume);

    public sealed record Marker(string Value, long Record, long Duration);

    public sealed record Sequence(string Version, string FrameDuration, long TcStart, string TcFormat, long Duration, IReadOnlyList<Clip> Spine, IReadOnlyList<Clip> Connected, IReadOnlyList<Marker> Markers);

    public static Sequence Read(string xml, FrameRate rate)
    {
        var root = XDocument.Parse(xml).Root!;
        Assert.Equal("fcpxml", root.Name.LocalName);
        var resources = root.Element("resources")!;
        var format = resources.Element("format")!;
        var sources = resources.Elements("asset").ToDictionary(a => (string)a.Attribute("id")!, a => (string)a.Element("media-rep")!.Attribute("src")!);
        var sequence = root.Descendants("sequence").Single();
        Assert.Equal((string)format.Attribute("id")!, (string)sequence.Attribute("format")!);
        var tcStart = Frames((string)sequence.Attribute("tcStart")!, rate);
        var spine = new List<Clip>();
        var connected = new List<Clip>();
        var markers = new List<Marker>();
        foreach (var element in sequence.Element("spine")!.Elements())
        {
            Assert.Equal("asset-clip", element.Name.LocalName);
            var offset = Frames((string)element.Attribute("offset")!, rate);
            var start = Frames((string?)element.Attribute("start") ?? "0s", rate);
            var clip = ReadClip(element, sources, offset - tcStart, rate);
            spine.Add(clip);
            foreach (var child in element.Elements("asset-clip"))
            {
                var record = offset - tcStart + Frames((string)child.Attribute("offset")!, rate) - start;
                connected.Add(ReadClip(child, sources, record, rate));
            }

            foreach (var marker in element.Elements("marker"))
            {
                var record = offset - tcStart + Frames((string)marker.Attribute("start")!, rate) - start;
                markers.Add(new Marker((string)marker.Attribute("value")!, record, Frames((string?)marker.Attribute("duration") ?? "0s", rate)));
            }
        }

        return new Sequence(
            (string)root.Attribute("version")!,
            (string)format.Attribute("frameDuration")!,
            tcStart,
            (string)sequence.Attribute("tcFormat")!,
            Frames((string)sequence.Attribute("duration")!, rate),
            spine,
            connected,
            markers);
    }

    private static Clip ReadClip(XElement element, Dictionary<string, string> sources, long record, FrameRate rate)
    {
        var timeMap = element.Element("timeMap")?.Elements("timept")
            .Select(p => (Frames((string)p.Attribute("time")!, rate), Frames((string)p.Attribute("value")!, rate)))
            .ToList() ?? [];
        return new Clip(
            (string)element.Attribute("name")!,
            sources[(string)element.Attribute("ref")!],
            record,
            Frames((string?)element.Attribute("start") ?? "0s", rate),
            Frames((string)element.Attribute("duration")!, rate),
            int.Parse((string?)element.Attribute("lane") ?? "0", CultureInfo.InvariantCulture),
            timeMap,
            (string?)element.Element("adjust-volume")?.Attribute("amount"));
    }

    /// <summary>FCPXML time ("N/Ds" or "Ns") in whole frames at <paramref name="rate"/>; fails when it is off a frame.</summary>
    public static long Frames(string time, FrameRate rate)
    {
        Assert.EndsWith("s", time, StringComparison.Ordinal);
        var parts = time[..^1].Split('/');
        var numerator = BigInteger.Parse(parts[0], CultureInfo.InvariantCulture);
        var denominator = parts.Length == 2 ? BigInteger.Parse(parts[1], CultureInfo.InvariantCulture) : BigInteger.One;
        var frames = BigInteger.DivRem(numerator * rate.Numerator, denominator * rate.Denominator, out var remainder);
        Assert.True(remainder.IsZero, $"{time} is not a whole number of frames at {rate}.");
        return (long)frames;
    }
}
