namespace Previz.Rendering.Framing;

/// <summary>How large a rendered frame is: the length of its long edge. The short edge follows the shot's aspect.</summary>
public enum ResolutionPreset
{
    /// <summary>Long edge 1280 pixels (1280×720 at 16:9).</summary>
    OneK,

    /// <summary>Long edge 1920 pixels (1920×1080 at 16:9).</summary>
    TwoK,
}
