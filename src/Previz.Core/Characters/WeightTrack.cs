using Previz.Core.Animation;

namespace Previz.Core.Characters;

/// <summary>
/// Animated morph-target weights of one node: key times and, per key, one weight per target (three blocks of them —
/// in-tangents, values, out-tangents — for CUBICSPLINE), as glTF stores them.
/// </summary>
public sealed record WeightTrack(float[] Times, float[] Values, int Targets, Interpolation Interpolation)
{
    /// <summary>Writes the weights at <paramref name="time"/> (held before the first key and after the last) into <paramref name="weights"/>.</summary>
    public void Sample(double time, Span<float> weights)
    {
        var n = Math.Min(Targets, weights.Length);
        if (Times.Length == 0 || n == 0)
        {
            return;
        }

        var cubic = Interpolation == Interpolation.CubicSpline;
        var stride = cubic ? 3 * Targets : Targets;
        var valueAt = cubic ? Targets : 0;
        var last = Times.Length - 1;
        if (time <= Times[0] || last == 0 || time >= Times[last])
        {
            var k = time <= Times[0] ? 0 : last;
            Values.AsSpan((k * stride) + valueAt, n).CopyTo(weights);
            return;
        }

        var i = Array.BinarySearch(Times, (float)time);
        i = i >= 0 ? Math.Min(i, last - 1) : (~i) - 1;
        var span = Times[i + 1] - Times[i];
        var u = span > 0 ? (float)((time - Times[i]) / span) : 0f;
        int a = (i * stride) + valueAt, b = ((i + 1) * stride) + valueAt;
        for (var t = 0; t < n; t++)
        {
            weights[t] = Interpolation switch
            {
                Interpolation.Step => Values[a + t],
                Interpolation.CubicSpline => CubicSpline(u, span, Values[a + t], Values[a + Targets + t], Values[b + t], Values[b - Targets + t]),
                _ => Values[a + t] + ((Values[b + t] - Values[a + t]) * u),
            };
        }
    }

    /// <summary>glTF's Hermite form: value and out-tangent of key a, value and in-tangent of key b, tangents per second.</summary>
    private static float CubicSpline(float u, float span, float a, float outA, float b, float inB)
    {
        float u2 = u * u, u3 = u2 * u;
        return (((2 * u3) - (3 * u2) + 1) * a) + ((u3 - (2 * u2) + u) * span * outA) + (((-2 * u3) + (3 * u2)) * b) + ((u3 - u2) * span * inB);
    }
}
