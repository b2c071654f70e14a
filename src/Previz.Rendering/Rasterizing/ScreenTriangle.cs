namespace Previz.Rendering.Rasterizing;

/// <summary>
/// A triangle in pixel space set up for scanline filling: vertices sorted top to bottom, inverse depth (1/w, larger is
/// nearer) as a plane over the screen, and the rows [<see cref="RowStart"/>, <see cref="RowEnd"/>) whose pixel
/// centres it covers.
/// </summary>
internal struct ScreenTriangle
{
    public float X0, Y0, X1, Y1, X2, Y2;
    public float Z0, DzDx, DzDy;
    public float Slope02, Slope01, Slope12;
    public int RowStart, RowEnd;
    public uint Colour;

    /// <summary>Sets up the triangle; false when it covers no pixel centre of a <paramref name="width"/>×<paramref name="height"/> frame.</summary>
    public bool Set(float ax, float ay, float az, float bx, float by, float bz, float cx, float cy, float cz, int width, int height, uint colour)
    {
        // Sort by y (three compare-swaps).
        if (by < ay)
        {
            (ax, ay, az, bx, by, bz) = (bx, by, bz, ax, ay, az);
        }

        if (cy < by)
        {
            (bx, by, bz, cx, cy, cz) = (cx, cy, cz, bx, by, bz);
            if (by < ay)
            {
                (ax, ay, az, bx, by, bz) = (bx, by, bz, ax, ay, az);
            }
        }

        var rowStart = (int)MathF.Ceiling(ay - 0.5f);
        var rowEnd = (int)MathF.Ceiling(cy - 0.5f);
        rowStart = Math.Max(rowStart, 0);
        rowEnd = Math.Min(rowEnd, height);
        if (rowStart >= rowEnd)
        {
            return false;
        }

        var minX = MathF.Min(ax, MathF.Min(bx, cx));
        var maxX = MathF.Max(ax, MathF.Max(bx, cx));
        if (maxX < 0 || minX > width)
        {
            return false;
        }

        float dx1 = bx - ax, dy1 = by - ay, dx2 = cx - ax, dy2 = cy - ay;
        var det = (dx1 * dy2) - (dx2 * dy1);
        if (MathF.Abs(det) < 1e-9f)
        {
            return false;
        }

        float dz1 = bz - az, dz2 = cz - az;
        var inv = 1f / det;
        DzDx = ((dz1 * dy2) - (dz2 * dy1)) * inv;
        DzDy = ((dz2 * dx1) - (dz1 * dx2)) * inv;
        X0 = ax;
        Y0 = ay;
        X1 = bx;
        Y1 = by;
        X2 = cx;
        Y2 = cy;
        Z0 = az;
        Slope02 = dx2 / dy2;
        Slope01 = dy1 > 0 ? dx1 / dy1 : 0;
        Slope12 = cy - by > 0 ? (cx - bx) / (cy - by) : 0;
        RowStart = rowStart;
        RowEnd = rowEnd;
        Colour = colour;
        return true;
    }
}
