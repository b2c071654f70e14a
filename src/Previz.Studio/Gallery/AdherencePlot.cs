using System.Globalization;

namespace Previz.Studio.Gallery;

/// <summary>
/// The gallery's small plot of a clip's per-second adherence: one point a second, 0 at the bottom and 1 at the top,
/// joined by lines; a second that was not measured breaks the line.
/// </summary>
public static class AdherencePlot
{
    public const int Width = 240;

    public const int Height = 48;

    /// <summary>The SVG <c>points</c> of each unbroken run of measured seconds.</summary>
    public static IReadOnlyList<string> Lines(IReadOnlyList<double?> perSecond)
    {
        ArgumentNullException.ThrowIfNull(perSecond);
        var lines = new List<string>();
        var run = new List<string>();
        for (var i = 0; i < perSecond.Count; i++)
        {
            if (perSecond[i] is { } score)
            {
                run.Add(string.Create(CultureInfo.InvariantCulture, $"{X(i, perSecond.Count):0.#},{Y(score):0.#}"));
            }
            else if (run.Count > 0)
            {
                lines.Add(string.Join(' ', run));
                run.Clear();
            }
        }

        if (run.Count > 0)
        {
            lines.Add(string.Join(' ', run));
        }

        return lines;
    }

    /// <summary>The middle of second <paramref name="index"/> of <paramref name="count"/> across the plot.</summary>
    public static double X(int index, int count) => (index + 0.5) * Width / Math.Max(1, count);

    /// <summary>A score's height: 1 at the top, 0 at the bottom, a pixel of margin each way.</summary>
    public static double Y(double score) => 1 + ((1 - Math.Clamp(score, 0, 1)) * (Height - 2));
}
