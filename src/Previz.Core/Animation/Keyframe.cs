namespace Previz.Core.Animation;

/// <summary>
/// A value at a scene time; <see cref="Interpolation"/> governs the segment to the next key. Tangents are used only by
/// <see cref="Animation.Interpolation.CubicSpline"/> (glTF's in/out tangents, in value units per second).
/// </summary>
public readonly record struct Keyframe<T>(double Time, T Value, Interpolation Interpolation = Interpolation.Smooth, T InTangent = default!, T OutTangent = default!)
    where T : struct;
