using System.Numerics;
using Previz.Core.Scenes;
using SharpGLTF.Schema2;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Import.Reading;

/// <summary>
/// A material's flat colour: its base colour factor times the average of its base colour texture (averaged in
/// linear light), converted from glTF's linear values to the sRGB values a <c>#rrggbb</c> colour holds.
/// </summary>
internal sealed class MaterialColors
{
    private const int MaxSamplesPerSide = 128;
    private readonly Dictionary<int, ColorRgb> _cache = [];

    public ColorRgb? ColorOf(Material? material)
    {
        if (material is null)
        {
            return null;
        }

        if (_cache.TryGetValue(material.LogicalIndex, out var cached))
        {
            return cached;
        }

        var channel = material.FindChannel("BaseColor") ?? material.FindChannel("Diffuse");
        var linear = Vector4.One;
        if (channel is { } c)
        {
            linear = c.Color;
            if (c.Texture?.PrimaryImage?.Content is { IsValid: true } image && TextureAverage(image.Content) is { } average)
            {
                linear *= average;
            }
        }

        var colour = new ColorRgb(ToSrgb(linear.X), ToSrgb(linear.Y), ToSrgb(linear.Z));
        _cache[material.LogicalIndex] = colour;
        return colour;
    }

    /// <summary>Mean linear colour of an encoded image, from an evenly spaced grid of at most 128 × 128 texels.</summary>
    internal static Vector4? TextureAverage(ReadOnlyMemory<byte> encoded)
    {
        Image<Rgba32> image;
        try
        {
            image = SixLabors.ImageSharp.Image.Load<Rgba32>(encoded.Span);
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return null; // An undecodable texture (KTX2, WebP…) leaves the factor alone.
        }

        using (image)
        {
            var stepX = Math.Max(1, image.Width / MaxSamplesPerSide);
            var stepY = Math.Max(1, image.Height / MaxSamplesPerSide);
            var sum = Vector4.Zero;
            var n = 0;
            for (var y = stepY / 2; y < image.Height; y += stepY)
            {
                for (var x = stepX / 2; x < image.Width; x += stepX)
                {
                    var p = image[x, y];
                    sum += new Vector4(ToLinear(p.R / 255f), ToLinear(p.G / 255f), ToLinear(p.B / 255f), p.A / 255f);
                    n++;
                }
            }

            return n == 0 ? null : sum / n;
        }
    }

    internal static float ToSrgb(float linear)
    {
        linear = Math.Clamp(linear, 0f, 1f);
        return linear <= 0.0031308f ? linear * 12.92f : (1.055f * MathF.Pow(linear, 1f / 2.4f)) - 0.055f;
    }

    internal static float ToLinear(float srgb) =>
        srgb <= 0.04045f ? srgb / 12.92f : MathF.Pow((srgb + 0.055f) / 1.055f, 2.4f);
}
