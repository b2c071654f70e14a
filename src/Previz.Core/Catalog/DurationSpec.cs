using System.Globalization;

namespace Previz.Core.Catalog;

/// <summary>The clip lengths (whole seconds) a model accepts: a set (5 or 10) or a range (3…15).</summary>
public sealed record DurationSpec
{
    private DurationSpec(IReadOnlyList<int> choices, bool isRange)
    {
        Choices = choices;
        IsRange = isRange;
    }

    public IReadOnlyList<int> Choices { get; }

    public bool IsRange { get; }

    public int Min => Choices[0];

    public int Max => Choices[^1];

    public static DurationSpec Set(params int[] seconds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seconds.Length);
        return new DurationSpec([.. seconds.Order()], false);
    }

    public static DurationSpec Range(int min, int max) => new([.. Enumerable.Range(min, max - min + 1)], true);

    public bool Contains(double seconds) => Choices.Any(c => Math.Abs(c - seconds) < 1e-9);

    /// <summary>The shortest accepted clip that covers <paramref name="seconds"/>, or null when even the longest is shorter.</summary>
    public int? ShortestAtLeast(double seconds)
    {
        foreach (var c in Choices)
        {
            if (c >= seconds - 1e-6)
            {
                return c;
            }
        }

        return null;
    }

    public IReadOnlyList<string> AcceptedText() =>
        IsRange ? [string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max} s (whole seconds)")] : [.. Choices.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c} s"))];

    public override string ToString() =>
        IsRange ? string.Create(CultureInfo.InvariantCulture, $"{Min}–{Max} s") : string.Join(" / ", Choices.Select(c => c.ToString(CultureInfo.InvariantCulture))) + " s";
}
