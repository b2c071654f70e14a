using Previz.Core.Cameras;

namespace Previz.Core.Scenes;

/// <summary>
/// A camera lens: a focal length on a sensor (36 × 24 mm full frame by default), or a fixed vertical field of view.
/// </summary>
public sealed record Lens
{
    /// <summary>
    /// The shortest focal length a scene may give, in mm: wider than any rectilinear lens, and far enough from 0 that
    /// the field of view stays below 180° (a near-zero focal length made it exactly 180° in floating point, which no
    /// perspective projection can draw).
    /// </summary>
    public const double MinFocalLengthMm = 1;

    public float FocalLengthMm { get; init; } = 35f;

    public float SensorWidthMm { get; init; } = 36f;

    public float SensorHeightMm { get; init; } = 24f;

    public SensorFit SensorFit { get; init; } = SensorFit.Auto;

    /// <summary>When set, the lens is a vertical field of view in degrees and the focal length is derived.</summary>
    public float? VerticalFovDegrees { get; init; }

    public static Lens Default { get; } = new();

    /// <summary>Vertical field of view in radians for a frame of the given aspect (width / height).</summary>
    public float VerticalFovRadians(float aspect, float? focalLengthMm = null) =>
        VerticalFovDegrees is { } fov && focalLengthMm is null
            ? fov * MathF.PI / 180f
            : LensMath.VerticalFov(focalLengthMm ?? FocalLengthMm, SensorWidthMm, SensorHeightMm, SensorFit, aspect);

    /// <summary>The focal length that frames like this lens on a full-width sensor (for prompts and display).</summary>
    public float EquivalentFocalLengthMm(float aspect) =>
        VerticalFovDegrees is { } fov
            ? LensMath.FocalLengthForVerticalFov(fov * MathF.PI / 180f, SensorWidthMm, SensorHeightMm, SensorFit, aspect)
            : FocalLengthMm;
}
