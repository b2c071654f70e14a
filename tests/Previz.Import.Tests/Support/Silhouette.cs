using System.Numerics;

namespace Previz.Import.Tests.Support;

/// <summary>Centroid and intersection-over-union of two masks of one object.</summary>
internal static class Silhouette
{
    public static (float CentroidError, double IoU, int PixelsA, int PixelsB) Compare(bool[] a, bool[] b, int width)
    {
        long inter = 0, union = 0;
        var (ca, na) = Centroid(a, width);
        var (cb, nb) = Centroid(b, width);
        for (var i = 0; i < a.Length; i++)
        {
            inter += a[i] && b[i] ? 1 : 0;
            union += a[i] || b[i] ? 1 : 0;
        }

        return (Vector2.Distance(ca, cb), union == 0 ? 1 : (double)inter / union, na, nb);
    }

    private static (Vector2 Centre, int Count) Centroid(bool[] mask, int width)
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i])
            {
                sx += (i % width) + 0.5;
                sy += (i / width) + 0.5;
                n++;
            }
        }

        return n == 0 ? (new Vector2(float.NaN), 0) : (new Vector2((float)(sx / n), (float)(sy / n)), n);
    }
}
