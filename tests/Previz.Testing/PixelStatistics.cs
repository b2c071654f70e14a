using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Testing;

/// <summary>
/// Pictures compared by content: the mean absolute difference per colour channel, 0 for identical pictures and 255 for
/// black against white (alpha is not compared), and the mean level that tells a picture from a black one.
/// </summary>
public static class PixelStatistics
{
    /// <summary>Between two packed RGBA buffers of one size (Direct Render's frames); alpha is skipped.</summary>
    public static double MeanAbsoluteDifference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length || a.Length % 4 != 0)
        {
            throw new ArgumentException($"RGBA buffers of {a.Length} and {b.Length} bytes cannot be compared.", nameof(b));
        }

        long sum = 0;
        for (var i = 0; i < a.Length; i += 4)
        {
            sum += Math.Abs(a[i] - b[i]) + Math.Abs(a[i + 1] - b[i + 1]) + Math.Abs(a[i + 2] - b[i + 2]);
        }

        return a.Length == 0 ? 0 : sum / (3.0 * (a.Length / 4));
    }

    public static double MeanAbsoluteDifference<TPixel>(Image<TPixel> a, Image<TPixel> b)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Size() != b.Size())
        {
            throw new ArgumentException($"pictures of {a.Width}×{a.Height} and {b.Width}×{b.Height} cannot be compared.", nameof(b));
        }

        using var first = a.CloneAs<Rgb24>();
        using var second = b.CloneAs<Rgb24>();
        long sum = 0;
        for (var y = 0; y < first.Height; y++)
        {
            for (var x = 0; x < first.Width; x++)
            {
                var (p, q) = (first[x, y], second[x, y]);
                sum += Math.Abs(p.R - q.R) + Math.Abs(p.G - q.G) + Math.Abs(p.B - q.B);
            }
        }

        return sum / (3.0 * first.Width * first.Height);
    }

    /// <summary>Between two picture files (PNG, JPEG) of one size.</summary>
    public static double MeanAbsoluteDifference(string a, string b)
    {
        using var first = Image.Load<Rgb24>(a);
        using var second = Image.Load<Rgb24>(b);
        return MeanAbsoluteDifference(first, second);
    }

    /// <summary>The mean of every colour channel of a picture file.</summary>
    public static double MeanLevel(string path)
    {
        using var image = Image.Load<Rgb24>(path);
        long sum = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var p = image[x, y];
                sum += p.R + p.G + p.B;
            }
        }

        return sum / (3.0 * image.Width * image.Height);
    }

    public static (int Width, int Height) Size(string path)
    {
        var info = Image.Identify(path);
        return (info.Width, info.Height);
    }
}
