namespace Previz.Rendering.Adherence;

/// <summary>
/// Scores the compared steps of a clip against the shot's Direct Render (<see cref="MotionStep"/>, each made of the
/// camera's motion and the moving objects'): aligned in time by the small shift that agrees best, then scored as one minus the summed motion error over the summed authored
/// motion, the camera and the objects counted alike (<see cref="MotionStep"/>). Motion that barely moves is compared
/// against a still camera's allowance (<see cref="StillAllowancePerSecond"/>) instead, so a clip that moves where the
/// authored picture holds still scores low rather than dividing by nothing.
/// </summary>
internal static class AdherenceComparison
{
    /// <summary>
    /// Motion below this many frame widths per second reads as a still camera: the least the score is measured
    /// against, and the noise that a clip of a locked-off camera may show and still score well.
    /// </summary>
    public const double StillAllowancePerSecond = 0.03;

    /// <summary>How far, in seconds, the clip's motion may be shifted against the authored one to align them.</summary>
    public const double MaxOffsetSeconds = 0.25;

    /// <summary>
    /// Both motions are averaged over this long a window before they are compared: one frame's estimate wobbles (a
    /// frame rate resampled to another repeats or skips a frame; an edge point slides), the movement over a fraction of a
    /// second does not.
    /// </summary>
    public const double SmoothingSeconds = 0.5;

    /// <summary>A shift must improve the score by this much to be preferred to none.</summary>
    private const double ShiftGain = 0.02;

    /// <summary>
    /// The compared steps at the best alignment and how many steps the clip is shifted (positive: the clip's motion comes
    /// later), from the steps compared at a shift within <see cref="MaxOffsetSeconds"/> (<paramref name="stepsAt"/>,
    /// given the shift and a stride: every so many authored steps). The shifts are tried on every third step, which
    /// tells them apart as well as every step does at a third of the cost; the chosen one is then compared in full.
    /// </summary>
    public static (IReadOnlyList<MotionStep> Steps, int Shift) Align(Func<int, int, IReadOnlyList<MotionStep>> stepsAt, double rate)
    {
        ArgumentNullException.ThrowIfNull(stepsAt);
        const int SearchStride = 3;
        var maxShift = (int)Math.Floor(MaxOffsetSeconds * rate);
        var half = (int)Math.Round(SmoothingSeconds * rate / 2 / SearchStride);
        var zero = Smooth(stepsAt(0, SearchStride), half);
        var (bestCount, bestScore, bestShift) = (zero.Count, Score(zero, rate), 0);
        for (var shift = -maxShift; shift <= maxShift; shift++)
        {
            if (shift == 0)
            {
                continue;
            }

            var steps = Smooth(stepsAt(shift, SearchStride), half);
            var score = Score(steps, rate);
            // Only a shift that clearly helps, and never one that drops much of the overlap.
            if (steps.Count * 10 >= bestCount * 9 && score > bestScore + ShiftGain)
            {
                (bestCount, bestScore, bestShift) = (steps.Count, score, shift);
            }
        }

        return (Smooth(stepsAt(bestShift, 1), (int)Math.Round(SmoothingSeconds * rate / 2)), bestShift);
    }

    /// <summary>One minus the summed error over the larger of the summed authored motion and the still allowance, in 0 … 1.</summary>
    public static double Score(IReadOnlyCollection<MotionStep> steps, double rate) =>
        Ratio(steps, rate, s => s.Error, s => s.Path);

    /// <summary>The score of the camera's part alone; null when the authored render never measured it.</summary>
    public static double? CameraScore(IReadOnlyCollection<MotionStep> steps, double rate)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var measured = steps.Where(s => s.Camera is not null).ToList();
        return measured.Count == 0 ? null : Ratio(measured, rate, s => s.Camera!.Value.Error, s => s.Camera!.Value.Path);
    }

    /// <summary>The score of the moving objects' part alone; null when the authored render shows none it could follow.</summary>
    public static double? ObjectScore(IReadOnlyCollection<MotionStep> steps, double rate)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var measured = steps.Where(s => s.Objects.Count > 0).ToList();
        return measured.Count == 0 ? null : Ratio(measured, rate, s => s.ObjectError, s => s.ObjectPath);
    }

    private static double Ratio(IReadOnlyCollection<MotionStep> steps, double rate, Func<MotionStep, double> error, Func<MotionStep, double> path)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            return 0;
        }

        double errors = 0, paths = 0;
        foreach (var step in steps)
        {
            errors += error(step);
            paths += path(step);
        }

        var allowance = steps.Count * StillAllowancePerSecond / rate;
        return Math.Clamp(1 - (errors / Math.Max(paths, allowance)), 0, 1);
    }

    /// <summary>
    /// The score of each second of the shot, in order; null for a second with too few measured steps to score (the
    /// authored render showed nothing to follow there). The last, partial second is left out when under half a second.
    /// </summary>
    public static IReadOnlyList<double?> PerSecond(IReadOnlyList<MotionStep> steps, double rate)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var seconds = new List<double?>();
        if (steps.Count == 0)
        {
            return seconds;
        }

        var enough = Math.Max(2, (int)Math.Ceiling(rate / 2));
        var count = (int)Math.Ceiling(steps[^1].Time - 1e-9);
        for (var second = 0; second < count; second++)
        {
            var window = steps.Where(s => s.Time > second + 1e-9 && s.Time <= second + 1 + 1e-9).ToList();
            if (window.Count >= enough)
            {
                seconds.Add(Math.Round(Score(window, rate), 3));
            }
            else if (second < count - 1)
            {
                seconds.Add(null);
            }
        }

        return seconds;
    }

    /// <summary>
    /// Each step's authored and clip motion replaced by their centred moving averages over ±<paramref name="half"/> steps,
    /// part by part, over the steps that measure the part.
    /// </summary>
    private static List<MotionStep> Smooth(IReadOnlyList<MotionStep> steps, int half)
    {
        var smooth = new List<MotionStep>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var window = steps.Skip(Math.Max(0, i - half)).Take(Math.Min(steps.Count, i + half + 1) - Math.Max(0, i - half)).ToList();
            var camera = steps[i].Camera is null ? null : Average(window.Where(s => s.Camera is not null).Select(s => s.Camera!.Value));
            var objects = steps[i].Objects.Keys.ToDictionary(o => o,
                o => Average(window.Where(s => s.Objects.ContainsKey(o)).Select(s => s.Objects[o]))!.Value);
            smooth.Add(new MotionStep(steps[i].Time, camera, objects));
        }

        return smooth;
    }

    private static MotionPair? Average(IEnumerable<MotionPair> pairs)
    {
        var (authored, clip, count) = (ImageMotion.None, ImageMotion.None, 0);
        foreach (var pair in pairs)
        {
            (authored, clip, count) = (authored + pair.Authored, clip + pair.Clip, count + 1);
        }

        return count == 0 ? null : new MotionPair(authored * (1.0 / count), clip * (1.0 / count));
    }
}
