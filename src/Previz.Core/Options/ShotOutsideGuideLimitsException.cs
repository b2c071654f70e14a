using System.Globalization;
using Previz.Core.Catalog;

namespace Previz.Core.Options;

/// <summary>
/// The shot is too short or too long for the model's guide video: no allowed frame rate gives an allowed frame count.
/// The message gives the shot's length and the model's limit.
/// </summary>
public sealed class ShotOutsideGuideLimitsException : UnsupportedOptionException
{
    public ShotOutsideGuideLimitsException(string modelId, double shotSeconds, GuideVideoSpec guide)
        : base(modelId, "duration", ShotTooLongException.Seconds(shotSeconds),
            [string.Create(CultureInfo.InvariantCulture, $"{guide.MinSeconds:0.0#}–{guide.MaxSeconds:0.0#} s")],
            Detail(shotSeconds, guide))
    {
        ArgumentNullException.ThrowIfNull(guide);
        ShotSeconds = shotSeconds;
        LimitSeconds = shotSeconds < guide.MinSeconds ? guide.MinSeconds : guide.MaxSeconds;
    }

    public ShotOutsideGuideLimitsException()
    {
    }

    public ShotOutsideGuideLimitsException(string message)
        : base(message)
    {
    }

    public ShotOutsideGuideLimitsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public double ShotSeconds { get; }

    /// <summary>The limit the shot breaks: the shortest or the longest shot the guide can cover.</summary>
    public double LimitSeconds { get; }

    private static string Detail(double shotSeconds, GuideVideoSpec guide) => shotSeconds < guide.MinSeconds
        ? string.Create(CultureInfo.InvariantCulture, $"The shot lasts {shotSeconds:0.0##} s, shorter than the {guide.MinSeconds:0.0##} s minimum of its guide video ({guide.LimitsText()}).")
        : string.Create(CultureInfo.InvariantCulture, $"The shot lasts {shotSeconds:0.0##} s, longer than the {guide.MaxSeconds:0.0##} s maximum of its guide video ({guide.LimitsText()}); accept the cap to follow the first {guide.MaxSeconds:0.0##} s.");
}
