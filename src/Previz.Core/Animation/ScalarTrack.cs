namespace Previz.Core.Animation;

/// <summary>Keys of a single number (focal length), sorted by time.</summary>
public sealed class ScalarTrack(IReadOnlyList<Keyframe<float>> keys)
{
    public IReadOnlyList<Keyframe<float>> Keys { get; } = keys;

    public bool IsEmpty => Keys.Count == 0;

    public float Sample(double time, float fallback)
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

        var s = (float)KeySearch.Shape(a.Interpolation, u);
        return a.Value + ((b.Value - a.Value) * s);
    }
}
