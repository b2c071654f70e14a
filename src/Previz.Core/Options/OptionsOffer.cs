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

    /// <summary>The shot is longer than the longest clip; the default is the maximum, to be accepted by the user.</summary>
    public bool ShotExceedsMaximum { get; init; }

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
