using System.Text;

namespace Previz.Providers.Http;

/// <summary>Short, single-line, printable excerpts of vendor text for messages.</summary>
internal static class TextExcerpt
{
    public static string Of(string text, int max = 200)
    {
        var builder = new StringBuilder(Math.Min(text.Length, max + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (builder.Length >= max)
            {
                builder.Append('…');
                break;
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(c);
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }
}
