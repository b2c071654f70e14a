using System.Numerics;

namespace Previz.Core.Scenes;

/// <summary>
/// The world around the objects. <see cref="SunDirection"/> points from the ground towards the sun (unit length).
/// </summary>
public sealed record SceneEnvironment
{
    public string? TimeOfDay { get; init; }

    public Vector3 SunDirection { get; init; } = Vector3.Normalize(new Vector3(0.4f, 0.8f, 0.45f));

    public float SunIntensity { get; init; } = 1f;

    public float Ambient { get; init; } = 0.3f;

    public ColorRgb SkyColor { get; init; } = new(0.53f, 0.68f, 0.86f);

    public ColorRgb HorizonColor { get; init; } = new(0.85f, 0.88f, 0.9f);

    public ColorRgb GroundColor { get; init; } = new(0.32f, 0.30f, 0.28f);

    /// <summary>Exponential fog density per metre; 0 is clear air.</summary>
    public float FogDensity { get; init; }

    public ColorRgb FogColor { get; init; } = new(0.8f, 0.82f, 0.85f);

    public static SceneEnvironment Default { get; } = new();
}
