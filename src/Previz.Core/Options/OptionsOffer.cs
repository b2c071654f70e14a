using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Scenes;

namespace Previz.Core.Options;

/// <summary>The options a (mode, model, shot) offers, each with its default and the reasons behind the defaults.</summary>
public sealed record OptionsOffer
{
    public required ModelEntry Model { get; init; }

    public required VisualizerMode Mode { get; init; }

    public required double ShotSeconds { get; init; }

    /// <summary>Clip lengths to choose from; empty for stills and Direct Render (which renders the shot's length).</summary>
    public IReadOnlyList<int> Durations { get; init; } = [];

    public double? DefaultDuration { get; init; }

    /// <summary>
    /// The most of a shot longer than the model can cover that it can make (the longest clip, or the longest guide
    /// video), to be accepted by the user; null when the shot fits.
    /// </summary>
    public double? CapSeconds { get; init; }

    /// <summary>The shot is longer than the model can cover; <see cref="CapSeconds"/> is what it can.</summary>
    public bool ShotExceedsMaximum => CapSeconds is not null;

    /// <summary>Aspect ratios to choose from; empty means the shot's own aspect (Direct Render).</summary>
    public IReadOnlyList<VendorAspect> Aspects { get; init; } = [];

    public required AspectRatio DefaultAspect { get; init; }

    public VendorAspect? DefaultVendorAspect { get; init; }

    public bool AudioOffered { get; init; }

    public bool AudioDefault { get; init; }

    public IReadOnlyDictionary<ResolutionTier, string> Resolutions { get; init; } = new Dictionary<ResolutionTier, string>();

    public ResolutionTier DefaultResolution { get; init; } = ResolutionTier.Preview1K;

    public IReadOnlyList<string> Notes { get; init; } = [];
}
