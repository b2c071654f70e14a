using System.Globalization;
using Previz.Core.Catalog;
using Previz.Core.Options;

namespace Previz.Providers.Inputs;

/// <summary>
/// The pixel size input frames are fitted to: the model's output size for the chosen aspect and resolution, read from
/// the catalog's vendor values. <c>"720p"</c>/<c>"1080p"</c> name the short edge; <c>"1K"</c>/<c>"2K"</c> the long edge
/// (1024/2048); <c>"1MP"</c> about a megapixel; <c>"1280x720"</c> an exact size; Runway's ratio values
/// (<c>"1280:720"</c>) are the output size itself (runwayml/sdk-python: the ratio is the resolution).
/// </summary>
public static class InputFrameSize
{
    /// <summary>Frames when nothing else is known: 1280 on the long edge.</summary>
    public const int FallbackLongEdge = 1280;

    public static (int Width, int Height) For(ResolvedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var aspect = options.OutputAspect.Value;
        if (options.VendorAspect is { } vendor && PixelPair(vendor.Value) is { } exact)
        {
            return exact;
        }

        var resolution = options.VendorResolution?.Trim() ?? "";
        if (PixelPair(resolution.Replace('x', ':')) is { } fixedSize)
        {
            // A fixed frame size (Direct Render "1280x720") holds for its own aspect: keep the long edge.
            return FromLongEdge(Math.Max(fixedSize.Width, fixedSize.Height), aspect);
        }

        if (resolution.EndsWith('p') && int.TryParse(resolution[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var shortEdge))
        {
            return FromShortEdge(shortEdge, aspect);
        }

        if (resolution.EndsWith("K", StringComparison.OrdinalIgnoreCase) && int.TryParse(resolution[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var k))
        {
            return FromLongEdge(1024 * k, aspect);
        }

        if (resolution.EndsWith("MP", StringComparison.OrdinalIgnoreCase) && double.TryParse(resolution[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var mp))
        {
            var h = Math.Sqrt(mp * 1_000_000 / aspect);
            return (Even(h * aspect), Even(h));
        }

        return FromLongEdge(FallbackLongEdge, aspect);
    }

    private static (int Width, int Height)? PixelPair(string value)
    {
        var parts = value.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            && w >= 100 && h >= 100
                ? (w, h)
                : null;
    }

    private static (int Width, int Height) FromShortEdge(int shortEdge, double aspect) =>
        aspect >= 1 ? (Even(shortEdge * aspect), Even(shortEdge)) : (Even(shortEdge), Even(shortEdge / aspect));

    private static (int Width, int Height) FromLongEdge(int longEdge, double aspect) =>
        aspect >= 1 ? (Even(longEdge), Even(longEdge / aspect)) : (Even(longEdge * aspect), Even(longEdge));

    private static int Even(double v) => Math.Max(2, 2 * (int)Math.Round(v / 2, MidpointRounding.AwayFromZero));
}
