namespace Previz.Studio.Components.Visualizer;

/// <summary>Where a start or end frame comes from.</summary>
public enum FrameChoiceKind
{
    /// <summary>A Direct Render of the shot's first frame.</summary>
    ShotStart,

    /// <summary>A Direct Render of the shot's last frame.</summary>
    ShotEnd,

    /// <summary>A Direct Render at a time into the shot.</summary>
    CaptureAt,

    /// <summary>An uploaded image (<c>POST /api/images</c>).</summary>
    Upload,

    /// <summary>A frame of a gallery clip (its poster, or the frame at a time).</summary>
    Gallery,
}
