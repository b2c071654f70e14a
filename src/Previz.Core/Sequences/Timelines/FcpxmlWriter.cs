using System.Globalization;
using System.Text;
using System.Xml;
using Previz.Core.Scenes;

namespace Previz.Core.Sequences.Timelines;

/// <summary>
/// Writes a cut as FCPXML 1.10, the interchange version of Final Cut Pro 10.6 (later versions read it too), following
/// Apple's FCPXML reference
/// (https://developer.apple.com/documentation/professional-video-applications/fcpxml-reference) and the
/// FCPXMLv1_10.dtd that ships with Final Cut Pro.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>resources: one <c>format</c> (frameDuration from the cut's rate, e.g. 1001/24000s for 23.976, and the picture
/// size), one <c>asset</c> per media file with a <c>media-rep</c>; then library → event "Previz" → project (the cut's
/// name) → sequence → spine.</item>
/// <item>Times are rational seconds built from frame counts: frame n is n × denominator / numerator seconds, reduced
/// (<c>1001/24000s</c>, <c>1/25s</c>, whole seconds as <c>5s</c>), so every edit falls on a frame.</item>
/// <item>The sequence starts at timecode 01:00:00:00 non-drop (<c>tcStart</c> of 86400 frames at 24 fps,
/// <c>tcFormat="NDF"</c>) and, as in Final Cut Pro's own exports, spine offsets count from that start.</item>
/// <item><c>media-rep src</c> is a relative URL: the model's relative path with each segment percent-encoded,
/// resolved against the .fcpxml file's folder (RFC 3986). The DTD only requires <c>src</c>; Apple's reference speaks of
/// file URLs and Final Cut Pro writes absolute <c>file://</c> ones, so keep the .fcpxml beside the exported media (or
/// relink) — the export folder's absolute location is not Core's to know.</item>
/// <item>A take shorter than its shot: an <c>asset-clip</c> with the take's frames, then "name (hold)", an
/// <c>asset-clip</c> of the same asset starting on the take's last frame, lasting the held frames, with a
/// <c>timeMap</c> whose two <c>timept</c>s map the whole clip to that one frame (a hold, as the DTD's timeMap
/// allows).</item>
/// <item>Sound cues are connected <c>asset-clip</c>s below the spine (<c>lane="-1"</c>, then -2… for cues that overlap)
/// anchored to the spine clip under their start, with <c>adjust-volume amount="-6dB"</c> for their gain; each cue also
/// gets a one-frame <c>marker</c> named after it on that spine clip (markers live on clips in FCPXML, not on the
/// sequence). Audio assets carry no duration: the model knows only how much of the file plays.</item>
/// </list>
/// </remarks>
public static class FcpxmlWriter
{
    /// <summary>The FCPXML version written.</summary>
    public const string Version = "1.10";

    /// <summary>The FCPXML text of <paramref name="cut"/>.</summary>
    public static string Write(SequenceCut cut)
    {
        ArgumentNullException.ThrowIfNull(cut);
        var rate = cut.Rate;
        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "    ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var xml = XmlWriter.Create(new StringWriterUtf8(builder), settings))
        {
            xml.WriteStartDocument();
            xml.WriteDocType("fcpxml", null, null, null);
            xml.WriteStartElement("fcpxml");
            xml.WriteAttributeString("version", Version);

            xml.WriteStartElement("resources");
            xml.WriteStartElement("format");
            xml.WriteAttributeString("id", "r1");
            xml.WriteAttributeString("frameDuration", Time(1, rate));
            xml.WriteAttributeString("width", cut.Width.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("height", cut.Height.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            foreach (var clip in cut.Clips)
            {
                if (assets.ContainsKey("v:" + clip.Take.MediaPath))
                {
                    continue;
                }

                var id = NextId(assets);
                assets["v:" + clip.Take.MediaPath] = id;
                xml.WriteStartElement("asset");
                xml.WriteAttributeString("id", id);
                xml.WriteAttributeString("name", Path.GetFileNameWithoutExtension(clip.Take.MediaPath));
                xml.WriteAttributeString("start", "0s");
                xml.WriteAttributeString("duration", Time(clip.Take.SourceFrames, rate));
                xml.WriteAttributeString("hasVideo", "1");
                xml.WriteAttributeString("format", "r1");
                xml.WriteAttributeString("videoSources", "1");
                if (clip.Take.HasAudio)
                {
                    xml.WriteAttributeString("hasAudio", "1");
                    xml.WriteAttributeString("audioSources", "1");
                }

                WriteMediaRep(xml, clip.Take.MediaPath);
                xml.WriteEndElement();
            }

            foreach (var cue in cut.Cues)
            {
                if (assets.ContainsKey("a:" + cue.MediaPath))
                {
                    continue;
                }

                var id = NextId(assets);
                assets["a:" + cue.MediaPath] = id;
                xml.WriteStartElement("asset");
                xml.WriteAttributeString("id", id);
                xml.WriteAttributeString("name", Path.GetFileNameWithoutExtension(cue.MediaPath));
                xml.WriteAttributeString("start", "0s");
                xml.WriteAttributeString("hasAudio", "1");
                xml.WriteAttributeString("audioSources", "1");
                WriteMediaRep(xml, cue.MediaPath);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();

            var tcStart = Timecode.RecordStartFrames(rate);
            xml.WriteStartElement("library");
            xml.WriteStartElement("event");
            xml.WriteAttributeString("name", "Previz");
            xml.WriteStartElement("project");
            xml.WriteAttributeString("name", cut.Name);
            xml.WriteStartElement("sequence");
            xml.WriteAttributeString("format", "r1");
            xml.WriteAttributeString("duration", Time(cut.TotalFrames, rate));
            xml.WriteAttributeString("tcStart", Time(tcStart, rate));
            xml.WriteAttributeString("tcFormat", "NDF");
            xml.WriteAttributeString("audioLayout", "stereo");
            xml.WriteAttributeString("audioRate", "48k");
            xml.WriteStartElement("spine");
            WriteSpine(xml, cut, assets, tcStart);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        return builder.Append('\n').ToString();
    }

    /// <summary>
    /// One spine item: a span of the record timeline and where its own (local) timeline starts, so cues and markers
    /// under it can be placed in its time.
    /// </summary>
    private sealed record SpineItem(SequenceClip Clip, string Name, int RecordStart, int Frames, int LocalStart, bool Hold);

    private static void WriteSpine(XmlWriter xml, SequenceCut cut, Dictionary<string, string> assets, long tcStart)
    {
        var rate = cut.Rate;
        var items = new List<SpineItem>();
        foreach (var clip in cut.Clips)
        {
            items.Add(new SpineItem(clip, clip.Name, clip.RecordStart, clip.SourceFrames, 0, false));
            if (clip.HeldFrames > 0)
            {
                items.Add(new SpineItem(clip, clip.Name + " (hold)", clip.RecordStart + clip.SourceFrames, clip.HeldFrames, clip.Take.SourceFrames - 1, true));
            }
        }

        var lanes = AudioLanes.Assign(cut.Cues);
        foreach (var item in items)
        {
            xml.WriteStartElement("asset-clip");
            xml.WriteAttributeString("ref", assets["v:" + item.Clip.Take.MediaPath]);
            xml.WriteAttributeString("offset", Time(tcStart + item.RecordStart, rate));
            xml.WriteAttributeString("name", item.Name);
            xml.WriteAttributeString("start", Time(item.LocalStart, rate));
            xml.WriteAttributeString("duration", Time(item.Frames, rate));
            xml.WriteAttributeString("tcFormat", "NDF");
            if (item.Hold)
            {
                // Both points show the take's last frame: the clip's whole (adjusted) time maps onto one frame.
                xml.WriteStartElement("timeMap");
                WriteTimePoint(xml, item.LocalStart, item.LocalStart, rate);
                WriteTimePoint(xml, item.LocalStart + item.Frames, item.LocalStart, rate);
                xml.WriteEndElement();
            }

            var under = Enumerable.Range(0, cut.Cues.Count)
                .Where(i => cut.Cues[i].RecordStart >= item.RecordStart && cut.Cues[i].RecordStart < item.RecordStart + item.Frames)
                .ToList();
            foreach (var i in under)
            {
                var cue = cut.Cues[i];
                xml.WriteStartElement("asset-clip");
                xml.WriteAttributeString("ref", assets["a:" + cue.MediaPath]);
                xml.WriteAttributeString("lane", (-(lanes[i] + 1)).ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("offset", Time(Local(item, cue.RecordStart), rate));
                xml.WriteAttributeString("name", cue.Name);
                xml.WriteAttributeString("start", "0s");
                xml.WriteAttributeString("duration", Time(cue.Frames, rate));
                xml.WriteStartElement("adjust-volume");
                xml.WriteAttributeString("amount", Decibels(cue.GainDb));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            foreach (var i in under)
            {
                var cue = cut.Cues[i];
                xml.WriteStartElement("marker");
                xml.WriteAttributeString("start", Time(Local(item, cue.RecordStart), rate));
                xml.WriteAttributeString("duration", Time(1, rate));
                xml.WriteAttributeString("value", cue.Name);
                xml.WriteAttributeString("note", string.Create(CultureInfo.InvariantCulture, $"Sound cue {cue.MediaPath} at {Decibels(cue.GainDb)}"));
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }
    }

    private static long Local(SpineItem item, int recordFrame) => item.LocalStart + (recordFrame - item.RecordStart);

    private static void WriteTimePoint(XmlWriter xml, long time, long value, FrameRate rate)
    {
        xml.WriteStartElement("timept");
        xml.WriteAttributeString("time", Time(time, rate));
        xml.WriteAttributeString("value", Time(value, rate));
        xml.WriteAttributeString("interp", "linear");
        xml.WriteEndElement();
    }

    private static void WriteMediaRep(XmlWriter xml, string mediaPath)
    {
        xml.WriteStartElement("media-rep");
        xml.WriteAttributeString("kind", "original-media");
        xml.WriteAttributeString("src", RelativeUrl(mediaPath));
        xml.WriteEndElement();
    }

    /// <summary>A relative path as a relative URL: each segment percent-encoded, slashes kept.</summary>
    public static string RelativeUrl(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary><paramref name="frames"/> frames at <paramref name="rate"/> as FCPXML rational seconds ("1001/24000s", "5s").</summary>
    public static string Time(long frames, FrameRate rate)
    {
        var numerator = frames * rate.Denominator;
        long denominator = rate.Numerator;
        var divisor = Gcd(Math.Abs(numerator), denominator);
        numerator /= divisor;
        denominator /= divisor;
        return denominator == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{numerator}s")
            : string.Create(CultureInfo.InvariantCulture, $"{numerator}/{denominator}s");
    }

    private static string Decibels(double gainDb) => gainDb.ToString("0.##", CultureInfo.InvariantCulture) + "dB";

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a == 0 ? 1 : a;
    }

    private static string NextId(Dictionary<string, string> assets) => string.Create(CultureInfo.InvariantCulture, $"r{assets.Count + 2}");

    /// <summary>A StringWriter that declares UTF-8, so the XML declaration says what the exported file will be.</summary>
    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
