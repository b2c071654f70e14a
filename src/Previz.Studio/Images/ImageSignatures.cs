using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Studio.Images;

/// <summary>Recognises PNG, JPEG and WebP by their leading bytes, and checks that the rest is that picture.</summary>
public static class ImageSignatures
{
    /// <summary>Larger pictures are refused before they are decoded: no start frame needs more, and decoding costs 4 bytes a pixel.</summary>
    public const long MaxPixels = 50_000_000;

    public static (string Extension, string ContentType)? Detect(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ("png", "image/png");
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ("jpg", "image/jpeg");
        }

        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ("webp", "image/webp");
        }

        return null;
    }

    /// <summary>
    /// The kind of <paramref name="data"/> when its signature names one and ImageSharp decodes the whole of it as that
    /// kind: a signature followed by anything else (HTML, a truncated file) is not an image, whatever its first bytes.
    /// </summary>
    /// <returns>The kind, or null with <paramref name="problem"/> saying why not.</returns>
    public static (string Extension, string ContentType)? Decoded(byte[] data, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(data);
        problem = null;
        if (Detect(data) is not { } kind)
        {
            problem = "its first bytes are those of none of them";
            return null;
        }

        try
        {
            var info = Image.Identify(data, out var format);
            if (info is null || format is null || !format.MimeTypes.Contains(kind.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                problem = $"it starts like a {kind.Extension.ToUpperInvariant()} image but is not one";
                return null;
            }

            if ((long)info.Width * info.Height > MaxPixels)
            {
                problem = $"it is {info.Width}×{info.Height} pixels; pictures of up to {MaxPixels / 1_000_000} megapixels are taken";
                return null;
            }

            using var image = Image.Load<Rgba32>(data);
            return kind;
        }
        catch (Exception ex) when (ex is ImageFormatException or NotSupportedException or InvalidDataException or ArgumentException)
        {
            problem = $"it starts like a {kind.Extension.ToUpperInvariant()} image but does not decode ({ex.Message})";
            return null;
        }
    }
}
