using System.Numerics;

namespace Previz.Core.Animation;

/// <summary>Keys of a position or scale, sorted by time.</summary>
public sealed class Vector3Track(IReadOnlyList<Keyframe<Vector3>> keys) : KeyframeTrack<Vector3>(keys)
{
    protected override Vector3 Blend(Vector3 origin, Vector3 target, float amount) => Vector3.Lerp(origin, target, amount);

    protected override Vector3 CubicSpline(Keyframe<Vector3> a, Keyframe<Vector3> b, float span, float h00, float h10, float h01, float h11) =>
        (h00 * a.Value) + (h10 * span * a.OutTangent) + (h01 * b.Value) + (h11 * span * b.InTangent);
}
