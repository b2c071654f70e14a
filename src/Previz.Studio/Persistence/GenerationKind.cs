namespace Previz.Studio.Persistence;

/// <summary>How a generation is produced.</summary>
public enum GenerationKind
{
    /// <summary>Our own rasterizer and ffmpeg, on this machine.</summary>
    DirectRender,

    /// <summary>A hosted AI video model, through its vendor's API.</summary>
    Hosted,
}
