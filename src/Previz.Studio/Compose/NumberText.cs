using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Previz.Studio.Compose;

/// <summary>Numbers as the compose fields read and show them: invariant culture, finite, no float noise.</summary>
public static class NumberText
{
    public static bool TryParse(string? text, out double value, [NotNullWhen(false)] out string? problem)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "Enter a number.";
            return false;
        }

        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
        {
            problem = null;
            return true;
        }

        problem = $"\"{text.Trim()}\" is not a number (write 4 or 2.5).";
        return false;
    }

    // Adding 0.0 turns a rounded −0 into 0, so a field never shows "-0".
    public static string Format(double value) => (Math.Round(value, 4) + 0.0).ToString("0.####", CultureInfo.InvariantCulture);
}
