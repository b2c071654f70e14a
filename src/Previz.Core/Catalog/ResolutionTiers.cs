using Previz.Core.Options;

namespace Previz.Core.Catalog;

/// <summary>Ids of <see cref="ResolutionTier"/>: <c>1k</c> and <c>2k</c>.</summary>
public static class ResolutionTiers
{
    public static IReadOnlyList<ResolutionTier> All { get; } = [ResolutionTier.Preview1K, ResolutionTier.Final2K];

    public static string Id(this ResolutionTier tier) => tier == ResolutionTier.Preview1K ? "1k" : "2k";

    public static bool TryParse(string? text, out ResolutionTier tier)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "1K":
                tier = ResolutionTier.Preview1K;
                return true;
            case "2K":
                tier = ResolutionTier.Final2K;
                return true;
            default:
                tier = ResolutionTier.Preview1K;
                return false;
        }
    }

    public static ResolutionTier Parse(string text) =>
        TryParse(text, out var tier) ? tier : throw new UnsupportedOptionException(null, "resolution", text, ["1k", "2k"]);
}
