namespace Previz.Core.Animation;

/// <summary>Finds the segment of a sorted key list that holds a time.</summary>
internal static class KeySearch
{
    /// <summary>
    /// Index i of the key at or before <paramref name="time"/> (clamped) and the eased-free fraction u in [0, 1] to key i+1.
    /// </summary>
    public static (int Index, double Fraction) Locate<T>(IReadOnlyList<Keyframe<T>> keys, double time)
        where T : struct
    {
        if (time <= keys[0].Time || keys.Count == 1)
        {
            return (0, 0);
        }

        var last = keys.Count - 1;
        if (time >= keys[last].Time)
        {
            return (last, 0);
        }

        var lo = 0;
        var hi = last;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (keys[mid].Time <= time)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var span = keys[lo + 1].Time - keys[lo].Time;
        return span <= 0 ? (lo + 1, 0) : (lo, (time - keys[lo].Time) / span);
    }

    /// <summary>The fraction reshaped by the segment's interpolation (smoothstep eases in and out; step holds).</summary>
    public static double Shape(Interpolation interpolation, double u) => interpolation switch
    {
        Interpolation.Smooth => u * u * (3 - (2 * u)),
        Interpolation.Step => 0,
        _ => u,
    };
}
