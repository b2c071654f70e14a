using System.Globalization;
using System.Text;
using Previz.Core.Scenes;

namespace Previz.Core.Sequences.Timelines;

/// <summary>
/// Writes a cut as a CMX 3600 edit decision list, the plain-text list every editor imports.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Header <c>TITLE:</c> (the cut's name, at most 70 characters) and <c>FCM: NON-DROP FRAME</c>. Timecode counts
/// <see cref="FrameRate.TimecodeBase"/> frames a second: at 23.976, 29.97 or 59.94 this is non-drop timecode at 24, 30
/// or 60 (drop-frame is never written), so it runs 0.1 % slow against the clock, as editors expect of NTSC rates.</item>
/// <item>Event lines in CMX 3600 columns: event number 1–3, reel 6–13, channel 15–19, transition 21–24, source in
/// 30–40, source out 42–52, record in 54–64, record out 66–76, e.g.
/// <c>001  AX       V     C        00:00:00:00 00:00:05:00 01:00:00:00 01:00:05:00</c>. Events are numbered 001–999;
/// a cut that needs more is refused.</item>
/// <item>Reel "AX" (an auxiliary source: file-based media has no tape) for every event; the shot's name is in
/// <c>* FROM CLIP NAME:</c> and the media's relative path in <c>* FROM CLIP:</c> comments under the event. Source
/// timecode 00:00:00:00 is a take's first frame (generated media carries no timecode of its own).</item>
/// <item>Record timecode starts at 01:00:00:00 (as the OpenTimelineIO and FCPXML exports), and the video events cover
/// the cut back to back, so the last record out minus 01:00:00:00 is the cut's length.</item>
/// <item>A take shorter than its shot: one event with the take's frames, then a freeze event of its last frame (source
/// in on that frame, source out one frame later) lasting the held frames on the record side, followed by an M2 (motion
/// memory) line with speed 000.0, the CMX way to say "freeze".</item>
/// <item>Sound cues follow as audio events on channel A (then A2 for cues that overlap, and A3 onward when more overlap:
/// beyond CMX 3600's two audio channels, though OpenTimelineIO's CMX reader takes such a channel as a track name), with
/// their gain in a <c>* GAIN:</c> comment (CMX 3600 has no field for it) and their name in
/// <c>* FROM CLIP NAME:</c>.</item>
/// </list>
/// </remarks>
public static class EdlWriter
{
    /// <summary>The reel written on every event.</summary>
    public const string Reel = "AX";

    /// <summary>Most events a CMX 3600 list holds (three-digit event numbers).</summary>
    public const int MaxEvents = 999;

    /// <summary>The CMX 3600 EDL text of <paramref name="cut"/>.</summary>
    /// <exception cref="SequenceException">The cut needs more than 999 events.</exception>
    public static string Write(SequenceCut cut)
    {
        ArgumentNullException.ThrowIfNull(cut);
        var tcBase = cut.Rate.TimecodeBase;
        var recordStart = Timecode.RecordStartFrames(cut.Rate);
        var events = cut.Clips.Count + cut.Clips.Count(c => c.HeldFrames > 0) + cut.Cues.Count;
        if (events > MaxEvents)
        {
            throw new SequenceException(
                $"An EDL holds at most {MaxEvents} events; \"{cut.Name}\" needs {events} (its shots, held frames and sound cues). Export OpenTimelineIO or FCPXML instead.");
        }

        var text = new StringBuilder();
        var title = OneLine(cut.Name);
        text.Append("TITLE: ").Append(title.Length > 70 ? title[..70] : title).Append('\n');
        text.Append("FCM: NON-DROP FRAME\n\n");
        var number = 0;
        foreach (var clip in cut.Clips)
        {
            var recordIn = recordStart + clip.RecordStart;
            AppendEvent(text, ++number, "V", 0, clip.SourceFrames, recordIn, recordIn + clip.SourceFrames, tcBase);
            AppendSource(text, clip.Name, clip.Take.MediaPath);
            if (clip.HeldFrames > 0)
            {
                var last = clip.Take.SourceFrames - 1;
                var holdIn = recordIn + clip.SourceFrames;
                AppendEvent(text, ++number, "V", last, last + 1, holdIn, holdIn + clip.HeldFrames, tcBase);
                // M2 columns: reel 6–13, speed in frames a second 15–19 (000.0 = freeze), entry source timecode 36–46.
                text.Append("M2   ").Append(Reel.PadRight(8)).Append(' ').Append("000.0")
                    .Append(' ', 16).Append(Timecode.NonDrop(last, tcBase)).Append('\n');
                AppendSource(text, clip.Name + " (hold)", clip.Take.MediaPath);
            }
        }

        var lanes = AudioLanes.Assign(cut.Cues);
        for (var i = 0; i < cut.Cues.Count; i++)
        {
            var cue = cut.Cues[i];
            var channel = lanes[i] == 0 ? "A" : string.Create(CultureInfo.InvariantCulture, $"A{lanes[i] + 1}");
            var recordIn = recordStart + cue.RecordStart;
            AppendEvent(text, ++number, channel, 0, cue.Frames, recordIn, recordIn + cue.Frames, tcBase);
            AppendSource(text, cue.Name, cue.MediaPath);
            text.Append("* GAIN: ").Append(cue.GainDb.ToString("+0.0#;-0.0#;0.0", CultureInfo.InvariantCulture)).Append(" DB\n");
        }

        return text.ToString();
    }

    private static void AppendEvent(StringBuilder text, int number, string channel, long sourceIn, long sourceOut, long recordIn, long recordOut, int tcBase)
    {
        text.Append(number.ToString("000", CultureInfo.InvariantCulture)).Append("  ")
            .Append(Reel.PadRight(8)).Append(' ')
            .Append(channel.PadRight(5)).Append(' ')
            .Append("C   ").Append(' ')
            .Append("   ").Append(' ')
            .Append(Timecode.NonDrop(sourceIn, tcBase)).Append(' ')
            .Append(Timecode.NonDrop(sourceOut, tcBase)).Append(' ')
            .Append(Timecode.NonDrop(recordIn, tcBase)).Append(' ')
            .Append(Timecode.NonDrop(recordOut, tcBase)).Append('\n');
    }

    private static void AppendSource(StringBuilder text, string name, string mediaPath)
    {
        text.Append("* FROM CLIP NAME: ").Append(OneLine(name)).Append('\n');
        text.Append("* FROM CLIP: ").Append(OneLine(mediaPath)).Append('\n');
    }

    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Trim();
}
