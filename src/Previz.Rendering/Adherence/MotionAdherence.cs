namespace Previz.Rendering.Adherence;

/// <summary>
/// How closely a clip's motion (the camera's and the moving objects') follows the shot's authored motion (see docs/adherence.md): a score from 0 (does
/// not follow) to 1 (follows exactly), the same score for each second of the clip, and a plain sentence.
/// </summary>
public sealed record MotionAdherence
{
    /// <summary>Format marker of this record.</summary>
    public string Format { get; init; } = "previz-adherence/2";

    /// <summary>
    /// 0 … 1: one minus the clip's motion error as a share of the authored motion (or of a still picture's allowance),
    /// the camera's motion and the moving objects' counted alike.
    /// </summary>
    public required double Score { get; init; }

    /// <summary>The same score of the camera's motion alone; null when the authored render could not measure it.</summary>
    public double? CameraScore { get; init; }

    /// <summary>The same score of the moving objects' motion alone; null when the shot shows none moving.</summary>
    public double? ObjectScore { get; init; }

    /// <summary>The score of each second, in order; null where the authored render showed too little to follow.</summary>
    public required IReadOnlyList<double?> PerSecond { get; init; }

    /// <summary>Plain words, e.g. "follows the crane move; drifts left after 3.2 s".</summary>
    public required string Sentence { get; init; }

    /// <summary>The stretch of the shot that was compared, from its start.</summary>
    public required double ScoredSeconds { get; init; }

    public required double ShotSeconds { get; init; }

    /// <summary>The clip's own length.</summary>
    public required double ClipSeconds { get; init; }

    /// <summary>How much later (positive) or earlier the clip's motion runs than the authored one, as the best alignment found.</summary>
    public double OffsetSeconds { get; init; }

    /// <summary>The frames per second both motions were measured at.</summary>
    public required double AnalysisFps { get; init; }

    /// <summary>How it was measured, for the record.</summary>
    public required string Method { get; init; }
}
