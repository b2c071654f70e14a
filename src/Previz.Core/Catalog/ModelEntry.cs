using Previz.Core.Modes;

namespace Previz.Core.Catalog;

/// <summary>
/// One model the visualizer can use, as data: who runs it, what each mode sends where, what it accepts and what it
/// costs. Supported modes are computed from the inputs, never listed by hand.
/// </summary>
public sealed record ModelEntry
{
    /// <summary>Previz's stable id (<c>veo-3.1</c>, <c>kling-2.1-pro</c>, <c>direct-render</c>).</summary>
    public required string Id { get; init; }

    public required string DisplayName { get; init; }

    public required ModelProvider Provider { get; init; }

    public required ModelKind Kind { get; init; }

    /// <summary>The vendor endpoint used in each mode; empty for unavailable models and Direct Render.</summary>
    public IReadOnlyDictionary<VisualizerMode, VendorEndpoint> Endpoints { get; init; } = new Dictionary<VisualizerMode, VendorEndpoint>();

    public ModelInputs Inputs { get; init; } = ModelInputs.None;

    /// <summary>Clip lengths; null means the clip is exactly the shot (Direct Render) or the model makes stills.</summary>
    public DurationSpec? Durations { get; init; }

    /// <summary>Aspect ratios it can make; empty means any (Direct Render).</summary>
    public IReadOnlyList<VendorAspect> Aspects { get; init; } = [];

    /// <summary>The vendor resolution for each product tier (<c>1k</c>, <c>2k</c>).</summary>
    public IReadOnlyDictionary<ResolutionTier, string> Resolutions { get; init; } = new Dictionary<ResolutionTier, string>();

    public AudioSupport Audio { get; init; }

    /// <summary>What the vendor does when the audio flag is left out.</summary>
    public bool AudioDefaultOn { get; init; }

    /// <summary>Frames per second of the output; null means the shot's own rate.</summary>
    public double? Fps { get; init; }

    /// <summary>Longest prompt in characters (UTF-16 code units); null when the vendor documents none.</summary>
    public int? MaxPromptLength { get; init; }

    public ModelPricing Pricing { get; init; } = ModelPricing.Free;

    /// <summary>The environment variable holding the key (<c>FAL_KEY</c>, …); null when none is needed.</summary>
    public string? ApiKeyVariable { get; init; }

    public ModelAvailability Availability { get; init; } = ModelAvailability.Available;

    /// <summary>Reproduces the authored motion exactly (Direct Render only).</summary>
    public bool ExactMotion { get; init; }

    /// <summary>Where the entry's facts come from.</summary>
    public string Source { get; init; } = "";

    public bool IsAvailable => Availability.IsAvailable;

    /// <summary>The modes this model can do, derived from what it accepts.</summary>
    public IReadOnlyList<VisualizerMode> Modes
    {
        get
        {
            if (Kind == ModelKind.Image)
            {
                return [VisualizerMode.Image];
            }

            if (ExactMotion)
            {
                return VisualizerModes.VideoModes;
            }

            // A guide-video model's frames go with its guide: it offers the frame modes only where it has an endpoint for them.
            var framesOnly = Inputs.GuideVideo is null;
            var modes = new List<VisualizerMode>(3);
            if (Inputs.StartFrame && (framesOnly || Endpoints.ContainsKey(VisualizerMode.StartFrame)))
            {
                modes.Add(VisualizerMode.StartFrame);
            }

            if (Inputs.StartFrame && Inputs.EndFrame && (framesOnly || Endpoints.ContainsKey(VisualizerMode.StartEnd)))
            {
                modes.Add(VisualizerMode.StartEnd);
            }

            if (Inputs.StartFrame || Inputs.GuideVideo is not null || Inputs.MaxTimedKeyframes > 0 || Inputs.CameraParameters != CameraParameterKind.None)
            {
                modes.Add(VisualizerMode.FromAnimation);
            }

            return modes;
        }
    }

    public bool Supports(VisualizerMode mode) => Modes.Contains(mode);

    /// <summary>How From Animation drives this model (best kind of guidance it takes).</summary>
    public AnimationGuidance Guidance =>
        ExactMotion ? AnimationGuidance.ExactMotion
        : Inputs.GuideVideo is not null ? AnimationGuidance.GuideVideo
        : Inputs.MaxTimedKeyframes > 1 ? AnimationGuidance.TimedKeyframes
        : Inputs.CameraParameters != CameraParameterKind.None ? AnimationGuidance.CameraParameters
        : AnimationGuidance.FramesAndDescription;

    public VendorEndpoint? Endpoint(VisualizerMode mode) => Endpoints.TryGetValue(mode, out var e) ? e : null;

    /// <summary>
    /// The pictures of the user's own a guide-video model's From Animation endpoint takes beside its guide: a first frame
    /// (Luma's restyle, Wan, Kling's motion control) or Aleph's keyframes at the guide's first and last frame. None for a
    /// model without a guide, or whose endpoint takes no picture (Omni Flash's edit).
    /// </summary>
    public ModeInputs GuideFrames
    {
        get
        {
            if (Inputs.GuideVideo is null || Endpoint(VisualizerMode.FromAnimation) is not { Fields: var f })
            {
                return ModeInputs.None;
            }

            return (Inputs.StartFrame && (f.StartImage is not null || f.KeyframesAsTimedObjects) ? ModeInputs.StartFrame : ModeInputs.None)
                | (Inputs.EndFrame && (f.EndImage is not null || f.KeyframesAsTimedObjects) ? ModeInputs.EndFrame : ModeInputs.None);
        }
    }

    public string? VendorResolution(ResolutionTier tier) => Resolutions.TryGetValue(tier, out var r) ? r : null;
}
