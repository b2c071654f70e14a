namespace Previz.Core.Animation;

/// <summary>
/// Keys of one value sorted by time, and the sampling they all share: clamp outside the keys, hold on a key, then
/// blend to the next key as the segment's interpolation says. A value type supplies only how to blend.
/// </summary>
public abstract class KeyframeTrack<T>(IReadOnlyList<Keyframe<T>> keys)
    where T : struct
{
    public IReadOnlyList<Keyframe<T>> Keys { get; } = keys;

    public bool IsEmpty => Keys.Count == 0;

    public T Sample(double time, T fallback)
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
            var (h00, h10, h01, h11) = Hermite.Basis((float)u);
            return CubicSpline(a, b, (float)(b.Time - a.Time), h00, h10, h01, h11);
        }

        return Blend(a.Value, b.Value, (float)KeySearch.Shape(a.Interpolation, u));
    }

    /// <summary>The value <paramref name="amount"/> of the way from <paramref name="origin"/> to <paramref name="target"/>.</summary>
    protected abstract T Blend(T origin, T target, float amount);

    /// <summary>glTF CUBICSPLINE: the Hermite weights applied to the values and the tangents scaled by the span.</summary>
    protected abstract T CubicSpline(Keyframe<T> a, Keyframe<T> b, float span, float h00, float h10, float h01, float h11);
}
