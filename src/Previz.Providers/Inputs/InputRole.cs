namespace Previz.Providers.Inputs;

/// <summary>What an input picture is for.</summary>
public enum InputRole
{
    /// <summary>The first frame of the video (image-to-video), or the input/structure image of an image model.</summary>
    StartFrame,

    /// <summary>The last frame of the video.</summary>
    EndFrame,

    /// <summary>A keyframe pinned at a frame position (Luma Ray keyframes).</summary>
    Keyframe,

    /// <summary>A picture of an object (reference-to-video, Kling elements).</summary>
    Reference,
}
