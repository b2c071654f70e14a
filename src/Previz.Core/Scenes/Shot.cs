namespace Previz.Core.Scenes;

/// <summary>A window on the scene timeline seen through one camera.</summary>
public sealed record Shot
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public required string CameraId { get; init; }

    /// <summary>Replaces the camera's focal length (mm) for this shot.</summary>
    public float? FocalLengthMm { get; init; }

    public AspectRatio Aspect { get; init; } = AspectRatio.Landscape16x9;

    public double Start { get; init; }

    public double Duration { get; init; } = 2.0;

    public double Fps { get; init; } = 24.0;

    public string DisplayName => Name ?? Id;

    /// <summary>round(duration × fps): the number of frames the shot has.</summary>
    public int FrameCount => (int)Math.Round(Duration * Fps, MidpointRounding.AwayFromZero);

    /// <summary>Scene time of frame <paramref name="index"/>: start + i / fps.</summary>
    public double FrameTime(int index) => Start + (index / Fps);
}
