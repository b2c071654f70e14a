using System.Numerics;

namespace Previz.Core.Animation;

/// <summary>Keys of a position or scale, sorted by time.</summary>
public sealed class Vector3Track(IReadOnlyList<Keyframe<Vector3>> keys)
{
    public IReadOnlyList<Keyframe<Vector3>> Keys { get; } = keys;

    public bool IsEmpty => Keys.Count == 0;

    public Vector3 Sample(double time, Vector3 fallback)
    {
        if (IsEmpty)
        {
            return fallback;
        }

        var (i, u) = KeySearch.Locate(Keys, time);
        var a = Keys[i];
        if (u == 0)
        {
            return a.Value;
        }

        var b = Keys[i + 1];
        if (a.Interpolation == Interpolation.CubicSpline)
        {
            var dt = (float)(b.Time - a.Time);
            var (h00, h10, h01, h11) = Hermite.Basis((float)u);
            return (h00 * a.Value) + (h10 * dt * a.OutTangent) + (h01 * b.Value) + (h11 * dt * b.InTangent);
        }

        return Vector3.Lerp(a.Value, b.Value, (float)KeySearch.Shape(a.Interpolation, u));
    }
}
