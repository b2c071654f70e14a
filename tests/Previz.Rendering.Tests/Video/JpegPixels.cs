using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Rendering.Tests.Video;

/// <summary>Decoded JPEG pixels compared by content: the mean absolute difference over every channel of every pixel.</summary>
internal static class JpegPixels
{
    public static (int Width, int Height) Size(string jpeg)
    {
        var info = Image.Identify(jpeg);
        return (info.Width, info.Height);
    }

    /// <summary>0 for identical pictures, 255 for black against white; requires equal sizes.</summary>
    public static double MeanAbsoluteDifference(string a, string b)
    {
        using var first = Image.Load<Rgb24>(a);
        using var second = Image.Load<Rgb24>(b);
        Assert.Equal((first.Width, first.Height), (second.Width, second.Height));
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

    /// <summary>Mean of all channels: tells a picture from a black one.</summary>
    public static double MeanLevel(string jpeg)
    {
        using var image = Image.Load<Rgb24>(jpeg);
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
}
