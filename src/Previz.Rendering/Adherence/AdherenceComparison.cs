namespace Previz.Rendering.Adherence;

/// <summary>
/// Compares two sequences of frame-to-frame motion measured at the same rate, the authored (the shot's Direct Render)
/// and the clip's, each made of the camera's motion and the moving objects' (<see cref="FrameMotion"/>): aligned in
/// time by the small shift that agrees best, then scored as one minus the summed motion error over the summed authored
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
    /// frame rate resampled to another repeats or skips a frame; parallax makes the fit choose between depths), the
    /// movement over a fraction of a second does not.
    /// </summary>
    public const double SmoothingSeconds = 0.5;

    /// <summary>A shift must improve the score by this much to be preferred to none.</summary>
    private const double ShiftGain = 0.02;

    /// <summary>
    /// The compared steps at the best alignment and how many steps the clip is shifted (positive: the clip's motion comes
    /// later). A part the authored render cannot measure is left out (a step with no part left, entirely); a part the
    /// clip cannot measure counts as no motion.
    /// </summary>
    public static (IReadOnlyList<MotionStep> Steps, int Shift) Align(IReadOnlyList<FrameMotion> authored, IReadOnlyList<FrameMotion> clip, double rate)
    {
        ArgumentNullException.ThrowIfNull(authored);
        ArgumentNullException.ThrowIfNull(clip);
        var half = (int)Math.Round(SmoothingSeconds * rate / 2);
        var smoothAuthored = Smooth(authored, half, missingIsStill: false);
        var smoothClip = Smooth(clip, half, missingIsStill: true);
        var maxShift = (int)Math.Floor(MaxOffsetSeconds * rate);
        var best = Pair(smoothAuthored, smoothClip, rate, 0);
        var bestScore = Score(best, rate);
        var bestShift = 0;
        for (var shift = -maxShift; shift <= maxShift; shift++)
        {
            if (shift == 0)
            {
                continue;
            }

            var steps = Pair(smoothAuthored, smoothClip, rate, shift);
            var score = Score(steps, rate);
            // Only a shift that clearly helps, and never one that drops much of the overlap.
            if (steps.Count * 10 >= best.Count * 9 && score > bestScore + ShiftGain)
            {
                (best, bestScore, bestShift) = (steps, score, shift);
            }
        }

        return (best, bestShift);
    }

    /// <summary>One minus the summed error over the larger of the summed authored motion and the still allowance, in 0 … 1.</summary>
    public static double Score(IReadOnlyCollection<MotionStep> steps, double rate) =>
        Ratio(steps, rate, s => s.Error, s => s.Path);

    /// <summary>The score of the camera's part alone; null when the authored render never measured it.</summary>
    public static double? CameraScore(IReadOnlyCollection<MotionStep> steps, double rate)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var measured = steps.Where(s => s.Camera is not null).ToList();
        return measured.Count == 0 ? null : Ratio(measured, rate, s => s.Camera!.Value.Error, s => s.Camera!.Value.Authored.Size);
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

    private static (ImageMotion?[] Camera, ImageMotion?[][] Objects) Smooth(IReadOnlyList<FrameMotion> motion, int half, bool missingIsStill)
    {
        var objects = motion.Count == 0 ? 0 : motion[0].Objects.Count;
        var camera = Smooth(motion.Select(m => m.Camera).ToArray(), half, missingIsStill);
        var each = new ImageMotion?[objects][];
        for (var o = 0; o < objects; o++)
        {
            each[o] = Smooth(motion.Select(m => m.Objects[o]).ToArray(), half, missingIsStill);
        }

        return (camera, each);
    }

    /// <summary>
    /// The centred moving average over ±<paramref name="half"/> steps of the measured ones; a step that was not measured
    /// stays unmeasured (authored) or counts as no motion (<paramref name="missingIsStill"/>, the clip).
    /// </summary>
    private static ImageMotion?[] Smooth(ImageMotion?[] motion, int half, bool missingIsStill)
    {
        var smooth = new ImageMotion?[motion.Length];
        for (var i = 0; i < motion.Length; i++)
        {
            if (motion[i] is null && !missingIsStill)
            {
                continue;
            }

            var sum = ImageMotion.None;
            var count = 0;
            for (var j = Math.Max(0, i - half); j <= Math.Min(motion.Length - 1, i + half); j++)
            {
                if (motion[j] is { } m)
                {
                    sum += m;
                    count++;
                }
                else if (missingIsStill)
                {
                    count++;
                }
            }

            smooth[i] = count == 0 ? null : sum * (1.0 / count);
        }

        return smooth;
    }

    private static List<MotionStep> Pair((ImageMotion?[] Camera, ImageMotion?[][] Objects) authored, (ImageMotion?[] Camera, ImageMotion?[][] Objects) clip, double rate, int shift)
    {
        var count = authored.Camera.Length;
        var steps = new List<MotionStep>(count);
        for (var i = 0; i < count; i++)
        {
            var j = i + shift;
            if (j < 0 || j >= clip.Camera.Length)
            {
                continue;
            }

            MotionPair? camera = authored.Camera[i] is { } a ? new MotionPair(a, clip.Camera[j] ?? ImageMotion.None) : null;
            var objects = new Dictionary<int, MotionPair>();
            for (var o = 0; o < authored.Objects.Length; o++)
            {
                if (authored.Objects[o][i] is { } ao)
                {
                    objects.Add(o, new MotionPair(ao, clip.Objects[o][j] ?? ImageMotion.None));
                }
            }

            if (camera is not null || objects.Count > 0)
            {
                steps.Add(new MotionStep((i + 1) / rate, camera, objects));
            }
        }

        return steps;
    }
}
