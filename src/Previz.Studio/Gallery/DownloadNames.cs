using System.Globalization;
using System.Text;

namespace Previz.Studio.Gallery;

/// <summary>Readable file names for downloads: <c>stadium-shot2-kling-2.6-pro-5s.mp4</c>.</summary>
public static class DownloadNames
{
    public static string For(string? sceneName, string shotId, string modelId, double durationSeconds, string extension)
    {
        var seconds = durationSeconds.ToString("0.#", CultureInfo.InvariantCulture);
        var parts = new[] { Slug(sceneName ?? "scene"), Slug(shotId), Slug(modelId), seconds + "s" };
        return string.Join('-', parts.Where(p => p.Length > 0)) + "." + extension.TrimStart('.');
    }

    /// <summary>A still's name: <c>stadium-breakaway-flux-kontext-pro-still.png</c>.</summary>
    public static string ForStill(string? sceneName, string shotId, string modelId, string extension)
    {
        var parts = new[] { Slug(sceneName ?? "scene"), Slug(shotId), Slug(modelId), "still" };
        return string.Join('-', parts.Where(p => p.Length > 0)) + "." + extension.TrimStart('.');
    }

    /// <summary>Lowercase letters, digits, dots; everything else becomes one dash. Never a path.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.EndsWith(".previz.json", StringComparison.OrdinalIgnoreCase) ? text[..^".previz.json".Length] : text;
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-', '.');
        return slug.Length > 60 ? slug[..60].Trim('-', '.') : slug;
    }
}
