namespace Previz.Core.Scenes;

/// <summary>A colour with linear-ish 0..1 channels as written in the scene (<c>#rrggbb</c>).</summary>
public readonly record struct ColorRgb(float R, float G, float B)
{
    public static ColorRgb FromHex(string hex)
    {
        if (!TryParseHex(hex, out var colour))
        {
            throw new FormatException($"\"{hex}\" is not a #rrggbb colour.");
        }

        return colour;
    }

    public static bool TryParseHex(string? text, out ColorRgb colour)
    {
        colour = default;
        if (text is null || text.Length != 7 || text[0] != '#')
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.HexNumber, null, out var v))
        {
            return false;
        }

        colour = new ColorRgb(((v >> 16) & 0xFF) / 255f, ((v >> 8) & 0xFF) / 255f, (v & 0xFF) / 255f);
        return true;
    }

    public string ToHex() =>
        $"#{ToByte(R):x2}{ToByte(G):x2}{ToByte(B):x2}";

    private static int ToByte(float c) => (int)MathF.Round(Math.Clamp(c, 0f, 1f) * 255f);
}
