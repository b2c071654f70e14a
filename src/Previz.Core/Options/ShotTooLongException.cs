using System.Globalization;

namespace Previz.Core.Options;

/// <summary>The shot lasts longer than the longest clip the model makes; the user may accept the cap.</summary>
public sealed class ShotTooLongException : UnsupportedOptionException
{
    public ShotTooLongException(string modelId, double shotSeconds, int maxSeconds, IReadOnlyList<string> accepted)
        : base(modelId, "duration", Seconds(shotSeconds), accepted,
            string.Create(CultureInfo.InvariantCulture,
                $"The shot lasts {shotSeconds:0.0#} s, longer than the {maxSeconds} s maximum; accept the cap to generate the first {maxSeconds} s."))
    {
        ShotSeconds = shotSeconds;
        MaxSeconds = maxSeconds;
    }

    public ShotTooLongException()
    {
    }

    public ShotTooLongException(string message)
        : base(message)
    {
    }

    public ShotTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public double ShotSeconds { get; }

    public int MaxSeconds { get; }

    internal static string Seconds(double s) => string.Create(CultureInfo.InvariantCulture, $"{s:0.0#} s");
}
