using System.Numerics;

namespace Previz.Core.Animation;

/// <summary>Keys of a rotation, sorted by time; interpolates along the shortest arc.</summary>
public sealed class QuaternionTrack(IReadOnlyList<Keyframe<Quaternion>> keys)
{
    public IReadOnlyList<Keyframe<Quaternion>> Keys { get; } = keys;

    public bool IsEmpty => Keys.Count == 0;

    public Quaternion Sample(double time, Quaternion fallback)
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
            // glTF: component-wise Hermite, then normalise.
            var dt = (float)(b.Time - a.Time);
            var (h00, h10, h01, h11) = Hermite.Basis((float)u);
            var q = (a.Value * h00) + (a.OutTangent * (h10 * dt)) + (b.Value * h01) + (b.InTangent * (h11 * dt));
            return Quaternion.Normalize(q);
        }

        return ShortestSlerp(a.Value, b.Value, (float)KeySearch.Shape(a.Interpolation, u));
    }

    /// <summary>Spherical interpolation that flips the target when needed so the turn is never the long way round.</summary>
    public static Quaternion ShortestSlerp(Quaternion from, Quaternion to, float amount)
    {
        if (Quaternion.Dot(from, to) < 0)
        {
            to = -to;
        }

        return Quaternion.Normalize(Quaternion.Slerp(from, to, amount));
    }
}
