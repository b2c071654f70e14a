using System.Globalization;

namespace Previz.Core.Scenes;

/// <summary>A frame aspect ratio as written ("16:9", "2.39:1", "1.85").</summary>
public readonly record struct AspectRatio(double Width, double Height)
{
    public static AspectRatio Landscape16x9 { get; } = new(16, 9);

    public double Value => Width / Height;

    public bool IsPortrait => Width < Height;

    public static bool TryParse(string? text, out AspectRatio ratio)
    {
        ratio = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split(':');
        if (parts.Length is < 1 or > 2)
        {
            return false;
        }

        if (!double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
        {
            return false;
        }

        var h = 1.0;
        if (parts.Length == 2 && !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out h))
        {
            return false;
        }

        if (!double.IsFinite(w) || !double.IsFinite(h) || w <= 0 || h <= 0 || w / h > 10 || h / w > 10)
        {
            return false;
        }

        ratio = new AspectRatio(w, h);
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Width:0.##}:{Height:0.##}");
}
