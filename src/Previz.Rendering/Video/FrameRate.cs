using System.Globalization;

namespace Previz.Rendering.Video;

/// <summary>A frame rate as a fraction, as ffmpeg wants it (24/1, 24000/1001 for 23.976, 30000/1001 for 29.97).</summary>
public readonly record struct FrameRate(int Numerator, int Denominator)
{
    public double Value => (double)Numerator / Denominator;

    /// <summary>The fraction for a rate in frames per second: NTSC rates become n×1000/1001, others the closest fraction with a small denominator.</summary>
    public static FrameRate FromFps(double fps)
    {
        if (!double.IsFinite(fps) || fps <= 0 || fps > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(fps), fps, "A frame rate must be between 0 and 1000 frames per second.");
        }

        var whole = Math.Round(fps);
        if (Math.Abs(fps - whole) < 1e-6)
        {
            return new FrameRate((int)whole, 1);
        }

        var ntsc = Math.Round(fps * 1.001);
        if (Math.Abs((ntsc * 1000 / 1001) - fps) < 0.0005 * fps / 24)
        {
            return new FrameRate((int)ntsc * 1000, 1001);
        }

        // Continued fraction, stopping once close enough or the denominator grows past 1001.
        long h0 = 0, h1 = 1, k0 = 1, k1 = 0;
        var x = fps;
        for (var i = 0; i < 20; i++)
        {
            var a = (long)Math.Floor(x);
            long h2 = (a * h1) + h0, k2 = (a * k1) + k0;
            if (k2 > 1001)
            {
                break;
            }

            (h0, h1, k0, k1) = (h1, h2, k1, k2);
            if (Math.Abs(((double)h1 / k1) - fps) < 1e-9 || x - a < 1e-12)
            {
                break;
            }

            x = 1 / (x - a);
        }

        return new FrameRate((int)h1, (int)k1);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
