using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Scenes;

namespace Previz.Core.Options;

/// <summary>The options a generation will run with, checked against the model, with notes on what was decided.</summary>
public sealed record ResolvedOptions
{
    public required ModelEntry Model { get; init; }

    public required VisualizerMode Mode { get; init; }

    /// <summary>The clip length requested from the vendor (whole seconds for hosted models); 0 for stills.</summary>
    public required double ClipSeconds { get; init; }

    /// <summary>The length delivered after trimming to the shot.</summary>
    public required double OutputSeconds { get; init; }

    public bool Trimmed => ClipSeconds > OutputSeconds + 1e-9;

    /// <summary>The vendor aspect value to send; null when the model takes any aspect or sets it from the image.</summary>
    public VendorAspect? VendorAspect { get; init; }

    public required AspectRatio OutputAspect { get; init; }

    public required ResolutionTier Resolution { get; init; }

    public string? VendorResolution { get; init; }

    public bool Audio { get; init; }

    /// <summary>From Animation with a guide-video model: the guide's frame rate and frame count (they set the clip's length).</summary>
    public GuideTiming? Guide { get; init; }

    public IReadOnlyList<string> Notes { get; init; } = [];
}
