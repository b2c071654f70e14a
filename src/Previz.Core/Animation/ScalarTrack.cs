namespace Previz.Core.Animation;

/// <summary>Keys of a single number (focal length), sorted by time.</summary>
public sealed class ScalarTrack(IReadOnlyList<Keyframe<float>> keys) : KeyframeTrack<float>(keys)
{
    protected override float Blend(float origin, float target, float amount) => origin + ((target - origin) * amount);

    protected override float CubicSpline(Keyframe<float> a, Keyframe<float> b, float span, float h00, float h10, float h01, float h11) =>
        (h00 * a.Value) + (h10 * span * a.OutTangent) + (h01 * b.Value) + (h11 * span * b.InTangent);
}
