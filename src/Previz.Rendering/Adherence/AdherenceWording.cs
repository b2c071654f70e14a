using System.Globalization;
using Previz.Core.Motion;

namespace Previz.Rendering.Adherence;

/// <summary>The plain sentence of an adherence: "follows the crane move; drifts left after 3.2 s".</summary>
internal static class AdherenceWording
{
    /// <summary>
    /// The authored move's name as the sentence uses it ("crane" for a pedestal), the largest one first as
    /// <see cref="CameraMotion.Describe"/> orders them; null for a locked-off camera.
    /// </summary>
    public static string? MoveName(CameraMotion camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var moves = camera.MostTelling;
        var main = moves.Count > 0 ? moves[0] : null;
        return main?.Move switch
        {
            null => null,
            CameraMove.Pedestal => "crane",
            var move => move.ToString()!.ToLowerInvariant(),
        };
    }

    public static string Sentence(IReadOnlyList<MotionStep> steps, double score, double rate, string? move, double scoredSeconds, double shotSeconds, double offsetSeconds)
    {
        double authoredPath = 0, clipPath = 0, agreement = 0;
        var clipTotal = ImageMotion.None;
        foreach (var step in steps)
        {
            authoredPath += step.Authored.Size;
            clipPath += step.Clip.Size;
            agreement += step.Clip.Dot(step.Authored);
            clipTotal += step.Clip;
        }

        var parts = new List<string>();
        var still = move is null || authoredPath < steps.Count * AdherenceComparison.StillAllowancePerSecond / rate;
        var followed = false;
        if (still)
        {
            parts.Add(score >= 0.8
                ? "holds still like the authored camera"
                : $"moves where the authored camera holds still (drifts {Direction(clipTotal)})");
        }
        else
        {
            var name = $"the {move} move";
            if (score >= 0.8)
            {
                parts.Add($"follows {name}");
                followed = true;
            }
            else if (clipPath < 0.25 * authoredPath)
            {
                parts.Add($"barely moves instead of {name}");
            }
            else if (agreement < 0)
            {
                parts.Add($"moves against {name} (reversed)");
            }
            else if (score >= 0.5)
            {
                parts.Add($"roughly follows {name}");
                followed = true;
            }
            else
            {
                parts.Add($"does not follow {name}");
            }
        }

        if (followed && Drift(steps, authoredPath) is { } drift)
        {
            parts.Add(drift);
        }

        if (Math.Abs(offsetSeconds) > 1e-9)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"runs {Math.Abs(offsetSeconds):0.0#} s {(offsetSeconds > 0 ? "late" : "early")}"));
        }

        if (scoredSeconds < shotSeconds - (1 / rate))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"the clip covers {scoredSeconds:0.0} s of the shot's {shotSeconds:0.0} s and is scored over its length"));
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// "drifts left after 3.2 s": once the clip's camera has wandered off the authored path by more than a twentieth of
    /// the frame and a sixth of the path, from when it began to leave it (a tenth of that away).
    /// </summary>
    private static string? Drift(IReadOnlyList<MotionStep> steps, double authoredPath)
    {
        var threshold = Math.Max(0.05, authoredPath / 6);
        var gap = ImageMotion.None;
        var leftAt = 0.0;
        foreach (var step in steps)
        {
            gap += step.Clip - step.Authored;
            if (gap.Size <= threshold / 10)
            {
                leftAt = step.Time;
            }
            else if (gap.Size > threshold)
            {
                var direction = Direction(gap);
                var verb = direction is "in" or "out" ? $"pushes {direction}" : $"drifts {direction}";
                return string.Create(CultureInfo.InvariantCulture, $"{verb} after {leftAt:0.0} s");
            }
        }

        return null;
    }

    /// <summary>
    /// Which way the camera went for a motion of the picture, by its largest part: the picture moving right is the
    /// camera going left, the picture growing is the camera pushing in.
    /// </summary>
    private static string Direction(ImageMotion m)
    {
        var parts = new (double Size, string Word)[]
        {
            (Math.Abs(m.Dx), m.Dx > 0 ? "left" : "right"),
            (Math.Abs(m.Dy), m.Dy > 0 ? "up" : "down"),
            (0.5 * Math.Abs(m.Zoom), m.Zoom > 0 ? "in" : "out"),
            (0.5 * Math.Abs(m.Roll), m.Roll > 0 ? "counter-clockwise" : "clockwise"),
        };
        return parts.MaxBy(p => p.Size).Word;
    }
}
