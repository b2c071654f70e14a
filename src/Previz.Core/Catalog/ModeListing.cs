namespace Previz.Core.Catalog;

/// <summary>A model offered in a mode, with how it is driven there and whether it can run.</summary>
public sealed record ModeListing(ModelEntry Model, AnimationGuidance Guidance)
{
    public bool IsAvailable => Model.IsAvailable;

    public string? UnavailableReason => Model.Availability.Reason;

    public string GuidanceText => Guidance switch
    {
        AnimationGuidance.ExactMotion => "exact motion (renders the authored animation)",
        AnimationGuidance.GuideVideo => "guide video",
        AnimationGuidance.TimedKeyframes => "keyframes at exact times",
        AnimationGuidance.CameraParameters => "camera parameters",
        _ => "frames + motion description",
    };
}
