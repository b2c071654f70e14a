using System.Runtime.CompilerServices;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// Anti-aliased lines (Xiaolin Wu: two pixels across the line per step, weighted by distance) drawn into one band of
/// rows and depth-tested against the filled depth buffer, so edges behind nearer surfaces stay hidden.
/// </summary>
internal static class LineRasterizer
{
    /// <summary>
    /// How far behind the stored surface (relative to its distance) a line may lie and still be drawn: the edge of a
    /// face lies on that face, but a pixel centre half a pixel away samples the face a little deeper.
    /// </summary>
    public const float DepthTolerance = 0.004f;

    /// <summary>Draws the lines at <paramref name="indices"/> (into <paramref name="lines"/>, in order) that cross rows [rowStart, rowEnd).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Draw(ReadOnlySpan<ScreenLine> lines, ReadOnlySpan<int> indices, ReadOnlySpan<float> depth, Span<uint> colour, int width, int rowStart, int rowEnd)
    {
        var band = new Band(depth, colour, width, rowStart, rowEnd);
        foreach (var index in indices)
        {
            DrawOne(in lines[index], ref band);
        }
    }

    private static void DrawOne(in ScreenLine line, ref Band band)
    {
        float x0 = line.X0, y0 = line.Y0, z0 = line.Z0, x1 = line.X1, y1 = line.Y1, z1 = line.Z1;

        // Clip to the band (one pixel of margin) with Liang–Barsky; 1/w is affine on screen, so it clips linearly.
        float t0 = 0, t1 = 1, dx = x1 - x0, dy = y1 - y0;
        if (!ClipTest(-dx, x0 + 1f, ref t0, ref t1) || !ClipTest(dx, band.Width + 1f - x0, ref t0, ref t1)
            || !ClipTest(-dy, y0 - (band.RowStart - 1f), ref t0, ref t1) || !ClipTest(dy, band.RowEnd + 1f - y0, ref t0, ref t1))
        {
            return;
        }

        var dz = z1 - z0;
        (x0, y0, z0, x1, y1, z1) = (x0 + (t0 * dx), y0 + (t0 * dy), z0 + (t0 * dz), x0 + (t1 * dx), y0 + (t1 * dy), z0 + (t1 * dz));

        var steep = MathF.Abs(y1 - y0) > MathF.Abs(x1 - x0);
        if (steep)
        {
            (x0, y0) = (y0, x0);
            (x1, y1) = (y1, x1);
        }

        if (x0 > x1)
        {
            (x0, y0, z0, x1, y1, z1) = (x1, y1, z1, x0, y0, z0);
        }

        var run = x1 - x0;
        if (run < 1e-6f)
        {
            return;
        }

        var gradient = (y1 - y0) / run;
        var zStep = (z1 - z0) / run;
        var first = (int)MathF.Ceiling(x0 - 0.5f);
        var last = (int)MathF.Floor(x1 - 0.5f);
        var strength = line.Strength * 256f;
        for (var i = first; i <= last; i++)
        {
            var along = i + 0.5f - x0;
            var minor = y0 + (gradient * along) - 0.5f;
            var z = z0 + (zStep * along);
            var j = (int)MathF.Floor(minor);
            var f = minor - j;
            var s = strength;
            if (line.FadeDistance > 0)
            {
                s *= MathF.Min(1f, z * line.FadeDistance);
            }

            var near = (int)((1f - f) * s);
            var far = (int)(f * s);
            if (steep)
            {
                band.Plot(j, i, z, line.Colour, near);
                band.Plot(j + 1, i, z, line.Colour, far);
            }
            else
            {
                band.Plot(i, j, z, line.Colour, near);
                band.Plot(i, j + 1, z, line.Colour, far);
            }
        }
    }

    private static bool ClipTest(float p, float q, ref float t0, ref float t1)
    {
        if (p == 0)
        {
            return q >= 0;
        }

        var r = q / p;
        if (p < 0)
        {
            if (r > t1)
            {
                return false;
            }

            t0 = MathF.Max(t0, r);
        }
        else
        {
            if (r < t0)
            {
                return false;
            }

            t1 = MathF.Min(t1, r);
        }

        return t0 <= t1;
    }

    private readonly ref struct Band
    {
        private readonly ReadOnlySpan<float> _depth;
        private readonly Span<uint> _colour;

        public Band(ReadOnlySpan<float> depth, Span<uint> colour, int width, int rowStart, int rowEnd)
        {
            _depth = depth;
            _colour = colour;
            Width = width;
            RowStart = rowStart;
            RowEnd = rowEnd;
        }

        public int Width { get; }

        public int RowStart { get; }

        public int RowEnd { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Plot(int x, int y, float z, uint colour, int coverage)
        {
            if (coverage <= 0 || (uint)x >= (uint)Width || y < RowStart || y >= RowEnd)
            {
                return;
            }

            var i = (y * Width) + x;
            if (!Visible(i, x, y, z))
            {
                return;
            }

            _colour[i] = PackedColor.Blend(_colour[i], colour, Math.Min(coverage, 256));
        }

        /// <summary>
        /// In front of (or on) the surface at this pixel or at one of its four neighbours: a line pixel half off an
        /// edge may sample the far side of a depth step that the line itself sits on.
        /// </summary>
        private bool Visible(int i, int x, int y, float z)
        {
            var limit = z * (1f + DepthTolerance);
            if (limit >= _depth[i])
            {
                return true;
            }

            return (x > 0 && limit >= _depth[i - 1])
                || (x + 1 < Width && limit >= _depth[i + 1])
                || (y > RowStart && limit >= _depth[i - Width])
                || (y + 1 < RowEnd && limit >= _depth[i + Width]);
        }
    }
}
