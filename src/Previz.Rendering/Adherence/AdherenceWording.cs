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

    /// <summary>
    /// The camera's verdict against the authored move (<paramref name="move"/>, null for a locked-off camera), then the
    /// moving objects' (named by <paramref name="objectNames"/>, by label − 1) when the authored render shows them move,
    /// where the camera wanders off, a shift in time, the clip's different framing, and a clip shorter than the shot.
    /// </summary>
    public static string Sentence(IReadOnlyList<MotionStep> steps, double rate, string? move, IReadOnlyList<string> objectNames, double scoredSeconds, double shotSeconds, double offsetSeconds, string? framing = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(objectNames);
        var parts = new List<string>();
        var camera = steps.Where(s => s.Camera is not null).Select(s => s.Camera!.Value).ToList();
        var followed = false;
        if (AdherenceComparison.CameraScore(steps, rate) is { } cameraScore)
        {
            followed = CameraVerdict(camera, cameraScore, rate, move, parts);
        }

        if (ObjectVerdict(steps, rate, objectNames) is { } objects)
        {
            parts.Add(objects);
        }

        if (followed && Drift(steps, camera.Sum(c => c.Authored.Size)) is { } drift)
        {
            parts.Add(drift);
        }

        if (Math.Abs(offsetSeconds) > 1e-9)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"runs {Math.Abs(offsetSeconds):0.0#} s {(offsetSeconds > 0 ? "late" : "early")}"));
        }

        if (framing is not null)
        {
            parts.Add(framing);
        }

        if (scoredSeconds < shotSeconds - (1 / rate))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"the clip covers {scoredSeconds:0.0} s of the shot's {shotSeconds:0.0} s and is scored over its length"));
        }

        return parts.Count == 0 ? "shows nothing the authored render could follow" : string.Join("; ", parts);
    }

    /// <summary>Adds the camera's verdict; true when the clip follows the move (so a drift is worth naming).</summary>
    private static bool CameraVerdict(List<MotionPair> camera, double score, double rate, string? move, List<string> parts)
    {
        double authoredPath = 0, clipPath = 0, agreement = 0;
        var clipTotal = ImageMotion.None;
        foreach (var step in camera)
        {
            authoredPath += step.Authored.Size;
            clipPath += step.Clip.Size;
            agreement += step.Clip.Dot(step.Authored);
            clipTotal += step.Clip;
        }

        if (move is null || authoredPath < camera.Count * AdherenceComparison.StillAllowancePerSecond / rate)
        {
            parts.Add(score >= 0.8
                ? "holds still like the authored camera"
                : $"moves where the authored camera holds still (drifts {Direction(clipTotal)})");
            return false;
        }

        var name = $"the {move} move";
        var verdict = Judge(score, clipPath, authoredPath, agreement);
        parts.Add(verdict switch
        {
            Verdict.Follows => $"follows {name}",
            Verdict.BarelyMoves => $"barely moves instead of {name}",
            Verdict.Against => $"moves against {name} (reversed)",
            Verdict.Roughly => $"roughly follows {name}",
            _ => $"does not follow {name}",
        });
        return verdict is Verdict.Follows or Verdict.Roughly;
    }

    /// <summary>
    /// "the turntable, perfume bottle and bottle cap barely move": the verdict on the moving objects together, named
    /// with the largest authored motion first; null when the authored render shows no object moving.
    /// </summary>
    private static string? ObjectVerdict(IReadOnlyList<MotionStep> steps, double rate, IReadOnlyList<string> names)
    {
        var withObjects = steps.Where(s => s.Objects.Count > 0).ToList();
        if (AdherenceComparison.ObjectScore(withObjects, rate) is not { } score
            || withObjects.Sum(s => s.ObjectPath) < withObjects.Count * AdherenceComparison.StillAllowancePerSecond / rate)
        {
            return null;
        }

        double authoredPath = 0, clipPath = 0, agreement = 0;
        foreach (var pair in withObjects.SelectMany(s => s.Objects.Values))
        {
            authoredPath += pair.Authored.Size;
            clipPath += pair.Clip.Size;
            agreement += pair.Clip.Dot(pair.Authored);
        }

        var named = Enumerable.Range(0, names.Count)
            .Select(o => (Name: names[o], Path: withObjects.Sum(s => s.Objects.TryGetValue(o, out var p) ? p.Authored.Size : 0)))
            .Where(n => n.Path > 0)
            .OrderByDescending(n => n.Path)
            .Select(n => n.Name)
            .ToList();
        var who = named.Count switch
        {
            0 => "the moving objects",
            1 => $"the {named[0]}",
            _ => $"the {string.Join(", ", named.Take(named.Count - 1))} and {named[^1]}",
        };
        var verb = named.Count == 1 ? ("moves", "does") : ("move", "do");
        return Judge(score, clipPath, authoredPath, agreement) switch
        {
            Verdict.Follows => $"{who} {verb.Item1} as authored",
            Verdict.BarelyMoves => $"{who} barely {verb.Item1}",
            Verdict.Against => $"{who} {verb.Item1} against the authored motion (reversed)",
            Verdict.Roughly => $"{who} roughly {verb.Item1} as authored",
            _ => $"{who} {verb.Item2} not move as authored",
        };
    }

    private enum Verdict
    {
        Follows,
        Roughly,
        BarelyMoves,
        Against,
        Astray,
    }

    /// <summary>One verdict for a part: follows (score 0.8 or more), barely moves, moves against, roughly follows (0.5 or more), or astray.</summary>
    private static Verdict Judge(double score, double clipPath, double authoredPath, double agreement) =>
        score >= 0.8 ? Verdict.Follows
        : clipPath < 0.25 * authoredPath ? Verdict.BarelyMoves
        : agreement < 0 ? Verdict.Against
        : score >= 0.5 ? Verdict.Roughly
        : Verdict.Astray;

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
            if (step.Camera is not { } camera)
            {
                continue;
            }

            gap += camera.Clip - camera.Authored;
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
