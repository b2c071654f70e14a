using System.Diagnostics.CodeAnalysis;

namespace Previz.Rendering.Framing;

/// <summary>The names users type for <see cref="ResolutionPreset"/> ("1k", "2k") and the long edge of each.</summary>
public static class ResolutionPresets
{
    public static int LongEdge(this ResolutionPreset preset) => preset switch
    {
        ResolutionPreset.OneK => 1280,
        ResolutionPreset.TwoK => 1920,
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown resolution preset."),
    };

    public static string ToName(this ResolutionPreset preset) => preset switch
    {
        ResolutionPreset.OneK => "1k",
        ResolutionPreset.TwoK => "2k",
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown resolution preset."),
    };

    /// <summary>Parses "1k" or "2k" (case-insensitive).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ResolutionPreset? preset)
    {
        preset = text?.Trim().ToLowerInvariant() switch
        {
            "1k" => ResolutionPreset.OneK,
            "2k" => ResolutionPreset.TwoK,
            _ => null,
        };
        return preset is not null;
    }

    public static IReadOnlyList<string> Names { get; } = ["1k", "2k"];
}
