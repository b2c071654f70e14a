using System.Globalization;
using Previz.Core.Scenes;

namespace Previz.Core.Sequences;

/// <summary>
/// Cuts shots together: each shot, in the order given, gets its take and a whole number of frames at the first shot's
/// rate, back to back from frame 0; cues are placed to the nearest frame. Everything that does not fit is refused
/// here, before any media is touched.
/// </summary>
public static class SequenceCutBuilder
{
    /// <summary>Gain beyond which a cue is surely a typo (+24 dB is sixteen times the amplitude).</summary>
    public const double MaxGainDb = 24;

    /// <summary>Below this a cue is silent in practice; the floor keeps the number meaningful.</summary>
    public const double MinGainDb = -60;

    /// <exception cref="SequenceException">No shots, a shot without a take, a take for a shot not in the cut, an empty take, or a cue that starts outside the cut, is empty or has a gain out of range.</exception>
    public static SequenceCut Build(
        string name,
        IReadOnlyList<Shot> shots,
        IReadOnlyDictionary<string, SequenceTake> takes,
        IReadOnlyList<SoundCuePlacement> cues,
        int width,
        int height)
    {
        ArgumentNullException.ThrowIfNull(shots);
        ArgumentNullException.ThrowIfNull(takes);
        ArgumentNullException.ThrowIfNull(cues);
        if (shots.Count == 0)
        {
            throw new SequenceException("A sequence needs at least one shot.");
        }

        if (width <= 0 || height <= 0)
        {
            throw new SequenceException($"A sequence's picture must be at least 1×1 pixels; this one is {width}×{height}.");
        }

        foreach (var shotId in takes.Keys)
        {
            if (!shots.Any(s => s.Id == shotId))
            {
                throw new SequenceException($"A take is given for shot \"{shotId}\", which is not in the sequence (its shots: {string.Join(", ", shots.Select(s => s.Id))}).");
            }
        }

        var rate = FrameRate.FromFps(shots[0].Fps);
        if (!rate.IsEditorRate)
        {
            throw new SequenceException(
                $"{Format(shots[0].Fps)} fps is not a whole or NTSC (…/1001) rate; editor timelines need one of those (the cut takes its first shot's rate, \"{shots[0].Id}\").");
        }
        var clips = new List<SequenceClip>(shots.Count);
        var at = 0;
        foreach (var shot in shots)
        {
            if (!takes.TryGetValue(shot.Id, out var take))
            {
                throw new SequenceException($"Shot \"{shot.Id}\" has no take: choose a clip of it or Direct Render.");
            }

            if (take.SourceFrames <= 0)
            {
                throw new SequenceException($"The take for shot \"{shot.Id}\" ({take.MediaPath}) has no frames.");
            }

            var frames = Math.Max(1, rate.Frames(shot.Duration));
            clips.Add(new SequenceClip(shot.Id, shot.DisplayName, at, frames, take));
            at += frames;
        }

        var placed = new List<SoundCue>(cues.Count);
        foreach (var cue in cues)
        {
            placed.Add(Place(cue, rate, at));
        }

        placed.Sort((a, b) => a.RecordStart.CompareTo(b.RecordStart));
        return new SequenceCut(name, rate, width, height, clips, placed);
    }

    private static SoundCue Place(SoundCuePlacement cue, FrameRate rate, int totalFrames)
    {
        var length = rate.Seconds(totalFrames);
        if (!double.IsFinite(cue.Start) || cue.Start < 0 || rate.Frames(cue.Start) >= totalFrames)
        {
            throw new SequenceException(
                $"Sound cue \"{cue.Name}\" starts at {Format(cue.Start)} s, outside the sequence (0 to {Format(length)} s).");
        }

        if (!double.IsFinite(cue.GainDb) || cue.GainDb < MinGainDb || cue.GainDb > MaxGainDb)
        {
            throw new SequenceException(
                $"Sound cue \"{cue.Name}\" has gain {Format(cue.GainDb)} dB; a gain is from {MinGainDb} to +{MaxGainDb} dB.");
        }

        var start = rate.Frames(cue.Start);
        var frames = Math.Min(rate.Frames(cue.Length), totalFrames - start);
        if (frames <= 0)
        {
            throw new SequenceException($"Sound cue \"{cue.Name}\" ({cue.MediaPath}) is shorter than one frame.");
        }

        return new SoundCue(cue.Name, cue.MediaPath, start, frames, cue.GainDb);
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
