using System.Globalization;
using Previz.Core;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Previz.Providers.Inputs;

/// <summary>
/// Fits input pictures to what a model takes, never stretching them.
/// <para>
/// Frames (start, end, keyframes, structure images) are <b>cropped</b> to the model's aspect ratio about their centre,
/// then scaled to the model's frame size. Cropping, not padding: a video model treats bars in a first frame as part of
/// the scene and keeps (or animates) them, while the shot's subject sits near the centre where the camera aims, so the
/// lost edges matter least. The fitting note says how much was cut.
/// </para>
/// <para>
/// References (pictures of objects) keep their own aspect ratio and are only scaled down to the size limits: any
/// crop could cut off the object.
/// </para>
/// Every result is under the byte limit: PNG when it fits, else JPEG at falling quality, else smaller.
/// </summary>
public static class ImageFitter
{
    /// <summary>Previz's own cap on an input file when the vendor documents none.</summary>
    public const int DefaultMaxBytes = 10_000_000;

    /// <summary>Longest edge of a reference picture sent to a vendor.</summary>
    public const int MaxReferenceEdge = 2048;

    private static readonly PngEncoder Png = new() { ColorType = PngColorType.Rgb, BitDepth = PngBitDepth.Bit8 };
    private static readonly int[] JpegQualities = [92, 85, 75];

    /// <summary>Crops <paramref name="source"/> to the aspect of <paramref name="width"/>×<paramref name="height"/> about its centre and scales it to exactly that size.</summary>
    public static FittedImage FitFrame(ReadOnlySpan<byte> source, int width, int height, int? maxBytes, string sourceName)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 2);
        using var image = Load(source, sourceName);
        var (sw, sh) = (image.Width, image.Height);
        var crop = CenterCrop(sw, sh, width, height);
        var notes = new List<string>();
        if (crop.Width != sw || crop.Height != sh)
        {
            notes.Add(Text($"cropped {sw}×{sh} to {crop.Width}×{crop.Height} about the centre for {Ratio(width, height)}"));
            image.Mutate(x => x.Crop(crop));
        }

        if (image.Width != width || image.Height != height)
        {
            notes.Add(Text($"scaled to {width}×{height}"));
            image.Mutate(x => x.Resize(width, height, KnownResamplers.Lanczos3));
        }

        return Encode(image, sw, sh, maxBytes ?? DefaultMaxBytes, notes);
    }

    /// <summary>Scales <paramref name="source"/> down (never up, never cropped) so its long edge is at most <paramref name="maxEdge"/>.</summary>
    public static FittedImage FitReference(ReadOnlySpan<byte> source, int maxEdge, int? maxBytes, string sourceName)
    {
        using var image = Load(source, sourceName);
        var (sw, sh) = (image.Width, image.Height);
        var notes = new List<string>();
        var scale = Math.Min(1.0, maxEdge / (double)Math.Max(sw, sh));
        if (scale < 1)
        {
            var w = Math.Max(1, (int)Math.Round(sw * scale));
            var h = Math.Max(1, (int)Math.Round(sh * scale));
            notes.Add(Text($"scaled {sw}×{sh} to {w}×{h}"));
            image.Mutate(x => x.Resize(w, h, KnownResamplers.Lanczos3));
        }

        return Encode(image, sw, sh, maxBytes ?? DefaultMaxBytes, notes);
    }

    /// <summary>The largest rectangle of the target's aspect centred in a <paramref name="sw"/>×<paramref name="sh"/> picture.</summary>
    public static Rectangle CenterCrop(int sw, int sh, int targetWidth, int targetHeight)
    {
        var target = targetWidth / (double)targetHeight;
        var source = sw / (double)sh;
        if (Math.Abs(Math.Log(source / target)) < 1e-3)
        {
            return new Rectangle(0, 0, sw, sh);
        }

        if (source > target)
        {
            var w = Math.Clamp((int)Math.Round(sh * target), 1, sw);
            return new Rectangle((sw - w) / 2, 0, w, sh);
        }

        var h = Math.Clamp((int)Math.Round(sw / target), 1, sh);
        return new Rectangle(0, (sh - h) / 2, sw, h);
    }

    private static Image<Rgb24> Load(ReadOnlySpan<byte> source, string sourceName)
    {
        try
        {
            var image = Image.Load<Rgb24>(source);
            // Phone photos store their rotation in EXIF: apply it so "up" is up.
            image.Mutate(x => x.AutoOrient());
            return image;
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw new UserErrorException($"{sourceName} is not an image Previz can read (PNG, JPEG, WebP, GIF, BMP, TIFF): {e.Message}", e);
        }
    }

    private static FittedImage Encode(Image<Rgb24> image, int sw, int sh, int maxBytes, List<string> notes)
    {
        while (true)
        {
            using (var png = new MemoryStream())
            {
                image.SaveAsPng(png, Png);
                if (png.Length <= maxBytes)
                {
                    return Result(png.ToArray(), "image/png");
                }
            }

            foreach (var quality in JpegQualities)
            {
                using var jpeg = new MemoryStream();
                image.SaveAsJpeg(jpeg, new JpegEncoder { Quality = quality });
                if (jpeg.Length <= maxBytes)
                {
                    notes.Add(Text($"JPEG quality {quality} to stay under {maxBytes / 1_000_000.0:0.#} MB"));
                    return Result(jpeg.ToArray(), "image/jpeg");
                }
            }

            // Over the limit even as JPEG (only for very large or noisy pictures): shrink, keeping the aspect.
            var w = Math.Max(16, (int)(image.Width * 0.8));
            var h = Math.Max(16, (int)(image.Height * 0.8));
            notes.Add(Text($"scaled to {w}×{h} to stay under {maxBytes / 1_000_000.0:0.#} MB"));
            image.Mutate(x => x.Resize(w, h, KnownResamplers.Lanczos3));
        }

        FittedImage Result(byte[] bytes, string type) =>
            new(bytes, type, image.Width, image.Height, sw, sh, notes.Count == 0 ? "as is" : string.Join("; ", notes));
    }

    private static string Ratio(int w, int h)
    {
        var g = Gcd(w, h);
        return Text($"{w / g}:{h / g}");
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
