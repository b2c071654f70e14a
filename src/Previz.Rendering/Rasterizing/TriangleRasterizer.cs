using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// Scanline filling of <see cref="ScreenTriangle"/>s into one band of rows, depth-tested on inverse depth (larger is
/// nearer, 0 is empty). Pixel centres at +0.5; a pixel belongs to a triangle when its centre lies in [left, right) of
/// the row's span, so triangles that share an edge leave neither gaps nor double-covered pixels. Spans run eight
/// pixels at a time with 256-bit vectors where the CPU has them.
/// </summary>
internal static class TriangleRasterizer
{
    /// <summary>Fills depth and flat colour of the triangles at <paramref name="band"/> (indices into <paramref name="triangles"/>, in order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Fill(ReadOnlySpan<ScreenTriangle> triangles, ReadOnlySpan<int> band, Span<float> depth, Span<uint> colour, int width, int rowStart, int rowEnd)
    {
        ref var depth0 = ref depth[0];
        ref var colour0 = ref colour[0];
        ref var first = ref MemoryMarshal.GetReference(triangles);
        foreach (var index in band)
        {
            ref readonly var t = ref Unsafe.Add(ref first, index);
            var y0 = Math.Max(t.RowStart, rowStart);
            var y1 = Math.Min(t.RowEnd, rowEnd);
            for (var py = y0; py < y1; py++)
            {
                if (!Span(in t, py, width, out var xs, out var xe, out var z))
                {
                    continue;
                }

                var row = py * width;
                FillSpan(ref Unsafe.Add(ref depth0, row), ref Unsafe.Add(ref colour0, row), xs, xe, z, t.DzDx, t.Colour);
            }
        }
    }

    /// <summary>Fills depth only (the hidden-surface pre-pass of the wireframe and the depth pass).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FillDepth(ReadOnlySpan<ScreenTriangle> triangles, ReadOnlySpan<int> band, Span<float> depth, int width, int rowStart, int rowEnd)
    {
        ref var depth0 = ref depth[0];
        ref var first = ref MemoryMarshal.GetReference(triangles);
        foreach (var index in band)
        {
            ref readonly var t = ref Unsafe.Add(ref first, index);
            var y0 = Math.Max(t.RowStart, rowStart);
            var y1 = Math.Min(t.RowEnd, rowEnd);
            for (var py = y0; py < y1; py++)
            {
                if (!Span(in t, py, width, out var xs, out var xe, out var z))
                {
                    continue;
                }

                DepthSpan(ref Unsafe.Add(ref depth0, py * width), xs, xe, z, t.DzDx);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Span(in ScreenTriangle t, int py, int width, out int xs, out int xe, out float z)
    {
        var yc = py + 0.5f;
        var xa = t.X0 + ((yc - t.Y0) * t.Slope02);
        var xb = yc < t.Y1 ? t.X0 + ((yc - t.Y0) * t.Slope01) : t.X1 + ((yc - t.Y1) * t.Slope12);
        if (xa > xb)
        {
            (xa, xb) = (xb, xa);
        }

        // Clamp in float first: spans of huge near-plane triangles can lie far outside the int range.
        xs = (int)MathF.Ceiling(Math.Clamp(xa - 0.5f, 0f, width));
        xe = (int)MathF.Ceiling(Math.Clamp(xb - 0.5f, 0f, width));
        z = t.Z0 + (t.DzDx * (xs + 0.5f - t.X0)) + (t.DzDy * (yc - t.Y0));
        return xs < xe;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FillSpan(ref float depthRow, ref uint colourRow, int xs, int xe, float z, float dz, uint colour)
    {
        var x = xs;
        if (Vector256.IsHardwareAccelerated && xe - xs >= 8)
        {
            var zv = Vector256.Create(z) + (Vector256.Create(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f) * dz);
            var step = Vector256.Create(dz * 8f);
            var cv = Vector256.Create(colour);
            for (; x + 8 <= xe; x += 8)
            {
                ref var d = ref Unsafe.Add(ref depthRow, x);
                var dv = Vector256.LoadUnsafe(ref d);
                var nearer = Vector256.GreaterThan(zv, dv);
                if (nearer != Vector256<float>.Zero)
                {
                    Vector256.ConditionalSelect(nearer, zv, dv).StoreUnsafe(ref d);
                    ref var c = ref Unsafe.Add(ref colourRow, x);
                    Vector256.ConditionalSelect(nearer.AsUInt32(), cv, Vector256.LoadUnsafe(ref c)).StoreUnsafe(ref c);
                }

                zv += step;
            }

            z = zv.ToScalar();
        }

        for (; x < xe; x++, z += dz)
        {
            ref var d = ref Unsafe.Add(ref depthRow, x);
            if (z > d)
            {
                d = z;
                Unsafe.Add(ref colourRow, x) = colour;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DepthSpan(ref float depthRow, int xs, int xe, float z, float dz)
    {
        var x = xs;
        if (Vector256.IsHardwareAccelerated && xe - xs >= 8)
        {
            var zv = Vector256.Create(z) + (Vector256.Create(0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f) * dz);
            var step = Vector256.Create(dz * 8f);
            for (; x + 8 <= xe; x += 8)
            {
                ref var d = ref Unsafe.Add(ref depthRow, x);
                Vector256.Max(zv, Vector256.LoadUnsafe(ref d)).StoreUnsafe(ref d);
                zv += step;
            }

            z = zv.ToScalar();
        }

        for (; x < xe; x++, z += dz)
        {
            ref var d = ref Unsafe.Add(ref depthRow, x);
            if (z > d)
            {
                d = z;
            }
        }
    }
}
