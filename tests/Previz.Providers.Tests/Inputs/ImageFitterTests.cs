using Previz.Providers.Inputs;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Providers.Tests.Inputs;

public sealed class ImageFitterTests
{
    /// <summary>400×100: red bands 100 px wide at both ends, green between, a 20×20 blue square in the middle.</summary>
    private static byte[] Banded()
    {
        using var image = new Image<Rgb24>(400, 100, new Rgb24(0, 200, 0));
        for (var y = 0; y < 100; y++)
        {
            for (var x = 0; x < 400; x++)
            {
                if (x < 100 || x >= 300)
                {
                    image[x, y] = new Rgb24(255, 0, 0);
                }
                else if (x is >= 190 and < 210 && y is >= 40 and < 60)
                {
                    image[x, y] = new Rgb24(0, 0, 255);
                }
            }
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    private static (int MinX, int MinY, int MaxX, int MaxY, int Count) Find(Image<Rgb24> image, Func<Rgb24, bool> match)
    {
        var (minX, minY, maxX, maxY, count) = (int.MaxValue, int.MaxValue, -1, -1, 0);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (match(image[x, y]))
                {
                    (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
                    count++;
                }
            }
        }

        return (minX, minY, maxX, maxY, count);
    }

    [Fact]
    public void A_frame_is_cropped_about_its_centre_to_the_models_aspect_and_scaled_without_stretching()
    {
        var fitted = ImageFitter.FitFrame(Banded(), 320, 180, null, "banded.png");

        using var image = Image.Load<Rgb24>(fitted.Content.Span);
        Assert.Equal((320, 180), (image.Width, image.Height));
        Assert.Equal("image/png", fitted.ContentType);
        // The 16:9 crop of a 100 px tall picture is 178 px wide about the centre (x 111…289): no red band survives,
        // and nothing was padded (no black).
        Assert.Equal(0, Find(image, p => p.R > 150 && p.G < 80).Count);
        Assert.Equal(0, Find(image, p => p.R < 30 && p.G < 30 && p.B < 30).Count);
        // The blue square stays square (scaled 1.8×: 36×36), centred.
        var blue = Find(image, p => p.B > 150 && p.G < 100);
        var (w, h) = (blue.MaxX - blue.MinX + 1, blue.MaxY - blue.MinY + 1);
        Assert.InRange(w, 34, 38);
        Assert.InRange(h, 34, 38);
        Assert.InRange((blue.MinX + blue.MaxX) / 2.0, 157, 163);
        Assert.InRange((blue.MinY + blue.MaxY) / 2.0, 87, 93);
        Assert.Contains("cropped 400×100 to 178×100", fitted.Fitting, StringComparison.Ordinal);
    }

    [Fact]
    public void A_portrait_target_crops_the_sides_of_a_landscape_picture()
    {
        var fitted = ImageFitter.FitFrame(Banded(), 90, 160, null, "banded.png");

        using var image = Image.Load<Rgb24>(fitted.Content.Span);
        Assert.Equal((90, 160), (image.Width, image.Height));
        var blue = Find(image, p => p.B > 150 && p.G < 100);
        Assert.InRange((blue.MaxX - blue.MinX + 1) / (double)(blue.MaxY - blue.MinY + 1), 0.85, 1.15);
    }

    [Fact]
    public void A_reference_keeps_its_aspect_and_is_only_scaled_down()
    {
        var small = ImageFitter.FitReference(Banded(), 2048, null, "banded.png");
        Assert.Equal((400, 100), (small.Width, small.Height));
        Assert.Equal("as is", small.Fitting);

        var scaled = ImageFitter.FitReference(Banded(), 200, null, "banded.png");
        Assert.Equal((200, 50), (scaled.Width, scaled.Height));
    }

    [Fact]
    public void A_picture_over_the_byte_limit_becomes_jpeg_then_smaller()
    {
        // Noise compresses badly as PNG.
        var random = new Random(1);
        using var noisy = new Image<Rgb24>(600, 400);
        for (var y = 0; y < 400; y++)
        {
            for (var x = 0; x < 600; x++)
            {
                noisy[x, y] = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            }
        }

        using var png = new MemoryStream();
        noisy.SaveAsPng(png);
        Assert.True(png.Length > 500_000);

        var fitted = ImageFitter.FitFrame(png.ToArray(), 600, 400, 200_000, "noise.png");

        Assert.Equal("image/jpeg", fitted.ContentType);
        Assert.True(fitted.Content.Length <= 200_000);
        Assert.Equal("jpg", fitted.Extension);
    }

    [Fact]
    public void Something_that_is_not_an_image_is_a_user_error_naming_it()
    {
        var error = Assert.Throws<Core.UserErrorException>(() => ImageFitter.FitFrame("<html>nope</html>"u8.ToArray(), 160, 90, null, "page.html"));
        Assert.Contains("page.html", error.Message, StringComparison.Ordinal);
    }
}
