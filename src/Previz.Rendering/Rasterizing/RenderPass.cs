namespace Previz.Rendering.Rasterizing;

/// <summary>What a rendered frame shows.</summary>
public enum RenderPass
{
    /// <summary>Feature and silhouette edges with hidden lines removed, anti-aliased, on a dark background.</summary>
    Wireframe,

    /// <summary>Flat Lambert shading from the scene's sun plus ambient, object colours, sky gradient and horizon.</summary>
    Shaded,

    /// <summary>Distance from the camera as grey: near is white, far and background are black (log scale).</summary>
    Depth,
}
