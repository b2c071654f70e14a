namespace Previz.Core.Catalog;

/// <summary>A model offered in a mode, with how it is driven there and whether it can run.</summary>
public sealed record ModeListing(ModelEntry Model, AnimationGuidance Guidance)
{
    public bool IsAvailable => Model.IsAvailable;

    public string? UnavailableReason => Model.Availability.Reason;

    /// <summary>The model makes up the motion between its frames, guided only by words: the user should know before paying.</summary>
    public bool InventsMotion => Guidance == AnimationGuidance.FramesAndDescription;

    /// <summary>What drives the model in From Animation, in a few words (with the warning where it invents the motion).</summary>
    public string GuidanceText => Guidance switch
    {
        AnimationGuidance.ExactMotion => "exact motion (renders the authored animation)",
        AnimationGuidance.GuideVideo => "guide video: " + PassName(Model.Inputs.GuideVideo?.Pass),
        AnimationGuidance.TimedKeyframes => "keyframes",
        AnimationGuidance.CameraParameters => "camera parameters + frames",
        _ => "frames + words (invents the motion)",
    };

    private static string PassName(GuidePass? pass) => pass switch
    {
        GuidePass.Depth => "depth",
        GuidePass.Shaded => "shaded",
        GuidePass.Wireframe => "wireframe",
        _ => "none",
    };
}
