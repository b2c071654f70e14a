using System.Runtime.InteropServices;
using Previz.Rendering.Framing;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// A frame of 8-bit RGBA pixels, rows top to bottom, no padding (the layout ffmpeg's <c>rgba</c> raw video and
/// ImageSharp's <c>Rgba32</c> expect). Alpha is always 255.
/// </summary>
public sealed class RgbaFrame
{
    public RgbaFrame(FrameSize size)
    {
        Size = size;
        Pixels = new byte[size.PixelCount * 4];
    }

    public FrameSize Size { get; }

    public int Width => Size.Width;

    public int Height => Size.Height;

    /// <summary>The pixel bytes: R, G, B, A per pixel.</summary>
    public byte[] Pixels { get; }

    /// <summary>The pixels as packed little-endian words (0xAABBGGRR).</summary>
    internal Span<uint> Words => MemoryMarshal.Cast<byte, uint>(Pixels.AsSpan());

    /// <summary>The colour at (x, y) as (r, g, b).</summary>
    public (byte R, byte G, byte B) GetPixel(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        var i = ((y * Width) + x) * 4;
        return (Pixels[i], Pixels[i + 1], Pixels[i + 2]);
    }
}
