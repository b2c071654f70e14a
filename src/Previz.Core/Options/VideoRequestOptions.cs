using Previz.Core.Catalog;

namespace Previz.Core.Options;

/// <summary>What the user asked for; unset values take the resolver's defaults.</summary>
public sealed record VideoRequestOptions
{
    public static VideoRequestOptions Defaults { get; } = new();

    /// <summary>Clip length in seconds; null covers the shot.</summary>
    public double? Duration { get; init; }

    /// <summary>A vendor aspect value (<c>"1280:720"</c>), a ratio (<c>"9:16"</c>) or an orientation (<c>"portrait"</c>); null follows the shot.</summary>
    public string? Aspect { get; init; }

    public bool Audio { get; init; }

    public ResolutionTier Resolution { get; init; } = ResolutionTier.Preview1K;

    /// <summary>The user accepts a clip shorter than the shot when the shot exceeds the model's maximum.</summary>
    public bool AcceptDurationCap { get; init; }
}
