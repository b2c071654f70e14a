using Previz.Core.Sequences;

namespace Previz.Core.Tests.Sequences;

/// <summary>
/// What every export must show of a cut, taken from the model alone: each shot's used frames, then (for a take shorter
/// than its shot) one hold of the take's last frame for the held frames.
/// </summary>
internal static class ExpectedCut
{
    public sealed record Picture(string Name, long RecordStart, long SourceStart, long Frames, string MediaPath, bool Hold);

    public static IReadOnlyList<Picture> Pictures(SequenceCut cut)
    {
        var pictures = new List<Picture>();
        foreach (var clip in cut.Clips)
        {
            pictures.Add(new(clip.Name, clip.RecordStart, 0, Math.Min(clip.Frames, clip.Take.SourceFrames), clip.Take.MediaPath, false));
            if (clip.Take.SourceFrames < clip.Frames)
            {
                pictures.Add(new(clip.Name + " (hold)", clip.RecordStart + clip.Take.SourceFrames, clip.Take.SourceFrames - 1, clip.Frames - clip.Take.SourceFrames, clip.Take.MediaPath, true));
            }
        }

        return pictures;
    }

    /// <summary>01:00:00:00 in frames of the cut's timecode.</summary>
    public static long OneHour(SequenceCut cut) => 3600L * cut.Rate.TimecodeBase;
}
