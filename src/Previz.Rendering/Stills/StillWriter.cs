using Previz.Rendering.Rasterizing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Rendering.Stills;

/// <summary>Writes frames as PNG files (RGB, no alpha: frames are always opaque).</summary>
public static class StillWriter
{
    private static readonly PngEncoder Encoder = new()
    {
        ColorType = PngColorType.Rgb,
        BitDepth = PngBitDepth.Bit8,
        CompressionLevel = PngCompressionLevel.DefaultCompression,
    };

    /// <summary>Writes <paramref name="frame"/> to <paramref name="path"/>, replacing it only once the whole file is written.</summary>
    public static async Task SavePngAsync(RgbaFrame frame, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            using (var image = Image.LoadPixelData<Rgba32>(frame.Pixels, frame.Width, frame.Height))
            {
                await image.SaveAsPngAsync(temp, Encoder, cancellationToken);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Writes <paramref name="frame"/> as PNG to a stream.</summary>
    public static async Task WritePngAsync(RgbaFrame frame, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var image = Image.LoadPixelData<Rgba32>(frame.Pixels, frame.Width, frame.Height);
        await image.SaveAsPngAsync(destination, Encoder, cancellationToken);
    }
}
