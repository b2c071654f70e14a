using System.Globalization;

namespace Previz.Core.Scenes;

/// <summary>
/// A frame rate as a ratio, as ffmpeg and editors write it: 24/1, 24000/1001 for 23.976, 25/2 for 12.5. Whole frame
/// counts stay whole at NTSC rates.
/// </summary>
public readonly record struct FrameRate(int Numerator, int Denominator)
{
    /// <summary>Frames per second as a number.</summary>
    public double PerSecond => (double)Numerator / Denominator;

    /// <summary>Whole frames per second of the timecode (24 for 23.976, 30 for 29.97).</summary>
    public int TimecodeBase => (int)Math.Round(PerSecond, MidpointRounding.AwayFromZero);

    /// <summary>True for the NTSC rates (…/1001).</summary>
    public bool IsNtsc => Denominator == 1001;

    /// <summary>A rate editor timelines can carry: whole, or NTSC (…/1001). Timecode has no place for 12.5 fps.</summary>
    public bool IsEditorRate => Denominator == 1 || Denominator == 1001;

    /// <summary>
    /// The ratio of a shot's <c>fps</c>: whole numbers stay whole; 23.976, 29.97, 47.952 and 59.94 become their exact
    /// NTSC ratios (what every editor means by them); anything else the closest ratio with a denominator up to 1001.
    /// </summary>
    /// <exception cref="UserErrorException">The rate is not above 0, at most 1000, and at least one frame in 1001 seconds.</exception>
    public static FrameRate FromFps(double fps)
    {
        if (!double.IsFinite(fps) || fps <= 0 || fps > 1000)
        {
            throw new UserErrorException($"A frame rate must be above 0 and at most 1000 fps; this one is {fps.ToString(CultureInfo.InvariantCulture)}.");
        }

        var whole = Math.Round(fps);
        if (whole >= 1 && Math.Abs(fps - whole) < 1e-6)
        {
            return new FrameRate((int)whole, 1);
        }

        var ntscBase = Math.Round(fps * 1001 / 1000);
        if (ntscBase >= 1 && Math.Abs(fps - (ntscBase * 1000 / 1001)) < 0.001)
        {
            return new FrameRate((int)ntscBase * 1000, 1001);
        }

        var (numerator, denominator) = ClosestRatio(fps, 1001);
        return numerator >= 1
            ? new FrameRate(numerator, denominator)
            : throw new UserErrorException($"A frame rate must be above 0 and at most 1000 fps; {fps.ToString(CultureInfo.InvariantCulture)} is too slow to write as a rate.");
    }

    /// <summary>The whole number of frames closest to <paramref name="seconds"/> at this rate.</summary>
    public int Frames(double seconds) =>
        (int)Math.Round(seconds * Numerator / Denominator, MidpointRounding.AwayFromZero);

    /// <summary>The time of <paramref name="frames"/> frames, in seconds.</summary>
    public double Seconds(long frames) => (double)frames * Denominator / Numerator;

    /// <summary>"24", or "24000/1001": what ffmpeg's rate options and filters take.</summary>
    public override string ToString() =>
        Denominator == 1 ? Numerator.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary>Continued fraction, stopping once exact or the denominator would pass <paramref name="maxDenominator"/>.</summary>
    private static (int Numerator, int Denominator) ClosestRatio(double value, int maxDenominator)
    {
        long h0 = 0, h1 = 1, k0 = 1, k1 = 0;
        var x = value;
        for (var i = 0; i < 20; i++)
        {
            var a = (long)Math.Floor(x);
            long h2 = (a * h1) + h0, k2 = (a * k1) + k0;
            if (k2 > maxDenominator)
            {
                break;
            }

            (h0, h1, k0, k1) = (h1, h2, k1, k2);
            if (Math.Abs(((double)h1 / k1) - value) < 1e-9 || x - a < 1e-12)
            {
                break;
            }

            x = 1 / (x - a);
        }

        return k1 == 0 ? (0, 1) : ((int)h1, (int)k1);
    }
}
