using System.Numerics;

namespace Previz.Core.Animation;

/// <summary>Keys of a rotation, sorted by time; interpolates along the shortest arc.</summary>
public sealed class QuaternionTrack(IReadOnlyList<Keyframe<Quaternion>> keys) : KeyframeTrack<Quaternion>(keys)
{
    protected override Quaternion Blend(Quaternion origin, Quaternion target, float amount) => ShortestSlerp(origin, target, amount);

    // glTF: component-wise Hermite, then normalise.
    protected override Quaternion CubicSpline(Keyframe<Quaternion> a, Keyframe<Quaternion> b, float span, float h00, float h10, float h01, float h11) =>
        Quaternion.Normalize((a.Value * h00) + (a.OutTangent * (h10 * span)) + (b.Value * h01) + (b.InTangent * (h11 * span)));

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
