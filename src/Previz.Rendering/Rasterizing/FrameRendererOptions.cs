namespace Previz.Rendering.Rasterizing;

/// <summary>Choices that change how frames look or how they are computed (not what the scene contains).</summary>
public sealed record FrameRendererOptions
{
    /// <summary>A faint grid on the ground plane (y = 0) in the wireframe pass.</summary>
    public bool GroundGrid { get; init; } = true;

    /// <summary>Threads that rasterize one frame; null for every core.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    public static FrameRendererOptions Default { get; } = new();
}
