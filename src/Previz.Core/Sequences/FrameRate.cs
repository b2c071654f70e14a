using System.Globalization;

namespace Previz.Core.Sequences;

/// <summary>
/// A frame rate as editors write it: a ratio, so 23.976 is 24000/1001 exactly and frame counts stay whole numbers.
/// </summary>
public readonly record struct FrameRate(int Numerator, int Denominator)
{
    /// <summary>Frames per second as a number.</summary>
    public double PerSecond => (double)Numerator / Denominator;

    /// <summary>Whole frames per second of the timecode (24 for 23.976, 30 for 29.97).</summary>
    public int TimecodeBase => (int)Math.Round(PerSecond, MidpointRounding.AwayFromZero);

    /// <summary>True for the NTSC rates (…/1001).</summary>
    public bool IsNtsc => Denominator == 1001;

    /// <summary>
    /// The rate of a shot's <c>fps</c>: whole numbers stay whole; 23.976, 29.97, 47.952 and 59.94 become their exact
    /// NTSC ratios (what every editor means by them).
    /// </summary>
    /// <exception cref="UserErrorException">The rate is not positive or not a rate editors know (say 12.5 or 25.5).</exception>
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

        throw new UserErrorException(
            $"{fps.ToString(CultureInfo.InvariantCulture)} fps is not a whole or NTSC (…/1001) rate; editor timelines need one of those.");
    }

    /// <summary>The whole number of frames closest to <paramref name="seconds"/> at this rate.</summary>
    public int Frames(double seconds) =>
        (int)Math.Round(seconds * Numerator / Denominator, MidpointRounding.AwayFromZero);

    /// <summary>The time of <paramref name="frames"/> frames, in seconds.</summary>
    public double Seconds(long frames) => (double)frames * Denominator / Numerator;

    public override string ToString() =>
        Denominator == 1 ? Numerator.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");
}
