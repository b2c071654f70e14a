using System.Globalization;
using Previz.Core.Scenes;

namespace Previz.Core.Sequences.Timelines;

/// <summary>
/// Non-drop-frame SMPTE timecode: a frame count written as HH:MM:SS:FF, counting <c>timecodeBase</c> frames a second
/// (24 for 23.976, 30 for 29.97). At NTSC rates non-drop timecode runs 0.1 % slow against the clock; that is what
/// editors expect of 23.976 and what we write for 29.97 and 59.94 too (no drop-frame counting anywhere).
/// </summary>
public static class Timecode
{
    /// <summary>Where the record side of our timelines starts: 01:00:00:00, the usual first hour of a programme.</summary>
    public const int RecordStartHours = 1;

    /// <summary>The frame count of 01:00:00:00 at <paramref name="rate"/> (non-drop).</summary>
    public static long RecordStartFrames(FrameRate rate) => RecordStartHours * 3600L * rate.TimecodeBase;

    /// <summary>Writes <paramref name="frames"/> as HH:MM:SS:FF at <paramref name="timecodeBase"/> frames a second.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative frames, a base below 1, or 24 hours or more.</exception>
    public static string NonDrop(long frames, int timecodeBase)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        ArgumentOutOfRangeException.ThrowIfLessThan(timecodeBase, 1);
        var perHour = 3600L * timecodeBase;
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frames, 24 * perHour);
        var hours = frames / perHour;
        var minutes = frames % perHour / (60L * timecodeBase);
        var seconds = frames % (60L * timecodeBase) / timecodeBase;
        var ff = frames % timecodeBase;
        var width = timecodeBase > 100 ? 3 : 2;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{hours:00}:{minutes:00}:{seconds:00}:{ff.ToString(new string('0', width), CultureInfo.InvariantCulture)}");
    }
}
