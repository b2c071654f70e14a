using System.Globalization;

namespace Previz.Core.Tests.Sequences;

/// <summary>
/// A CMX 3600 list parser written from the format's column rules, not from our writer: an event line has the event
/// number in columns 1–3, reel 6–13, channel 15–19, transition 21–24, transition duration 26–28, source in 30–40,
/// source out 42–52, record in 54–64 and record out 66–76, blanks between; lines that follow an event (comments
/// starting with "*", M2 motion lines) belong to it. Timecodes are non-drop at the base it is given.
/// </summary>
internal static class EdlParser
{
    public sealed record Event(int Number, string Reel, string Channel, string Transition, long SourceIn, long SourceOut, long RecordIn, long RecordOut, List<string> Comments, double? MotionSpeed, long? MotionEntry)
    {
        public string? Comment(string key) =>
            Comments.FirstOrDefault(c => c.StartsWith("* " + key + ":", StringComparison.Ordinal))?[(key.Length + 3)..].Trim();
    }

    public sealed record List(string Title, string Fcm, IReadOnlyList<Event> Events);

    public static List Parse(string text, int timecodeBase)
    {
        string? title = null, fcm = null;
        var events = new List<Event>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("TITLE:", StringComparison.Ordinal))
            {
                title = line[6..].Trim();
            }
            else if (line.StartsWith("FCM:", StringComparison.Ordinal))
            {
                fcm = line[4..].Trim();
            }
            else if (char.IsAsciiDigit(line[0]))
            {
                Assert.Equal(76, line.Length);
                foreach (var blank in new[] { 4, 5, 14, 20, 25, 29, 41, 53, 65 })
                {
                    Assert.True(line[blank - 1] == ' ', $"Column {blank} of \"{line}\" should be blank.");
                }

                events.Add(new Event(
                    int.Parse(Columns(line, 1, 3), CultureInfo.InvariantCulture),
                    Columns(line, 6, 13).TrimEnd(),
                    Columns(line, 15, 19).TrimEnd(),
                    Columns(line, 21, 24).TrimEnd(),
                    Tc(Columns(line, 30, 40), timecodeBase),
                    Tc(Columns(line, 42, 52), timecodeBase),
                    Tc(Columns(line, 54, 64), timecodeBase),
                    Tc(Columns(line, 66, 76), timecodeBase),
                    [],
                    null,
                    null));
            }
            else if (line.StartsWith("M2", StringComparison.Ordinal))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(4, fields.Length);
                Assert.Equal(events[^1].Reel, fields[1]);
                events[^1] = events[^1] with { MotionSpeed = double.Parse(fields[2], CultureInfo.InvariantCulture), MotionEntry = Tc(fields[3], timecodeBase) };
            }
            else
            {
                Assert.StartsWith("*", line, StringComparison.Ordinal);
                events[^1].Comments.Add(line);
            }
        }

        return new List(title!, fcm!, events);
    }

    private static string Columns(string line, int first, int last) => line[(first - 1)..last];

    /// <summary>HH:MM:SS:FF non-drop in frames.</summary>
    public static long Tc(string timecode, int timecodeBase)
    {
        var parts = timecode.Split(':').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(4, parts.Length);
        Assert.InRange(parts[1], 0, 59);
        Assert.InRange(parts[2], 0, 59);
        Assert.InRange(parts[3], 0, timecodeBase - 1);
        return ((((parts[0] * 60L) + parts[1]) * 60) + parts[2]) * timecodeBase + parts[3];
    }
}
