namespace Previz.Core.Catalog;

/// <summary>How a model is driven in From Animation mode, best first.</summary>
public enum AnimationGuidance
{
    /// <summary>Direct Render: reproduces the authored motion exactly.</summary>
    ExactMotion,

    /// <summary>Takes a rendered motion guide video.</summary>
    GuideVideo,

    /// <summary>Takes rendered keyframes pinned at frame positions of the authored animation.</summary>
    TimedKeyframes,

    /// <summary>Takes camera-motion parameters derived from the animation.</summary>
    CameraParameters,

    /// <summary>Gets rendered start (and end, where it takes one) frames plus the motion described in words.</summary>
    FramesAndDescription,
}
