namespace Previz.Core.Modes;

/// <summary>What the user asks the visualizer for.</summary>
public enum VisualizerMode
{
    /// <summary>A still picture of the shot.</summary>
    Image,

    /// <summary>A video that starts on a given frame (the default video mode).</summary>
    StartFrame,

    /// <summary>A video that starts on one frame and ends on another.</summary>
    StartEnd,

    /// <summary>A video driven by the shot's own keyframed animation.</summary>
    FromAnimation,
}
