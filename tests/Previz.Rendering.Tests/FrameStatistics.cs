using Previz.Rendering.Rasterizing;

namespace Previz.Rendering.Tests;

/// <summary>Pixel statistics over frames: pictures are compared by content, never byte for byte.</summary>
internal static class FrameStatistics
{
    public static int Luma(this RgbaFrame frame, int x, int y)
    {
        var (r, g, b) = frame.GetPixel(x, y);
        return ((r * 299) + (g * 587) + (b * 114)) / 1000;
    }

    /// <summary>Mean luma over a square of radius <paramref name="r"/> around (x, y).</summary>
    public static double MeanLuma(this RgbaFrame frame, int x, int y, int r)
    {
        double sum = 0;
        var n = 0;
        for (var yy = Math.Max(0, y - r); yy <= Math.Min(frame.Height - 1, y + r); yy++)
        {
            for (var xx = Math.Max(0, x - r); xx <= Math.Min(frame.Width - 1, x + r); xx++)
            {
                sum += frame.Luma(xx, yy);
                n++;
            }
        }

        return sum / n;
    }

    /// <summary>Pixels in the rectangle for which <paramref name="predicate"/> holds.</summary>
    public static int Count(this RgbaFrame frame, int x0, int y0, int x1, int y1, Func<byte, byte, byte, bool> predicate)
    {
        var count = 0;
        for (var y = Math.Max(0, y0); y < Math.Min(frame.Height, y1); y++)
        {
            for (var x = Math.Max(0, x0); x < Math.Min(frame.Width, x1); x++)
            {
                var (r, g, b) = frame.GetPixel(x, y);
                if (predicate(r, g, b))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Centroid of the pixels for which <paramref name="predicate"/> holds, or null when none does.</summary>
    public static (double X, double Y, int Count)? Centroid(this RgbaFrame frame, Func<byte, byte, byte, bool> predicate)
    {
        double sx = 0, sy = 0;
        var n = 0;
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                var (r, g, b) = frame.GetPixel(x, y);
                if (predicate(r, g, b))
                {
                    sx += x + 0.5;
                    sy += y + 0.5;
                    n++;
                }
            }
        }

        return n == 0 ? null : (sx / n, sy / n, n);
    }
}
