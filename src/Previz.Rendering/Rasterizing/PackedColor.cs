using System.Numerics;

namespace Previz.Rendering.Rasterizing;

/// <summary>Packs colours into the little-endian RGBA words of <see cref="RgbaFrame"/> (0xAABBGGRR).</summary>
internal static class PackedColor
{
    public const uint OpaqueBlack = 0xFF000000u;

    public static uint FromRgb(Vector3 rgb)
    {
        var c = Vector3.Clamp(rgb, Vector3.Zero, Vector3.One) * 255f;
        return Pack((int)(c.X + 0.5f), (int)(c.Y + 0.5f), (int)(c.Z + 0.5f));
    }

    public static uint Pack(int r, int g, int b) => OpaqueBlack | ((uint)b << 16) | ((uint)g << 8) | (uint)r;

    public static uint Grey(int v) => Pack(v, v, v);

    /// <summary><paramref name="dst"/> moved towards <paramref name="src"/> by <paramref name="coverage"/> (0..256).</summary>
    public static uint Blend(uint dst, uint src, int coverage)
    {
        // Red and blue in one multiply, green in another; alpha stays opaque.
        var inv = 256 - coverage;
        var rb = ((((dst & 0x00FF00FFu) * (uint)inv) + ((src & 0x00FF00FFu) * (uint)coverage)) >> 8) & 0x00FF00FFu;
        var g = ((((dst & 0x0000FF00u) * (uint)inv) + ((src & 0x0000FF00u) * (uint)coverage)) >> 8) & 0x0000FF00u;
        return OpaqueBlack | rb | g;
    }
}
