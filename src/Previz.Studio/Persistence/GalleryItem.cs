namespace Previz.Studio.Persistence;

/// <summary>A finished clip: the media file, its poster, and how it was made.</summary>
public sealed class GalleryItem
{
    public Guid Id { get; set; }

    public Guid GenerationId { get; set; }

    /// <summary>SHA-256 of the media file, lowercase hex; the file is <c>media/&lt;hash&gt;.&lt;ext&gt;</c>.</summary>
    public required string MediaHash { get; set; }

    /// <summary>Path relative to the data folder.</summary>
    public required string MediaPath { get; set; }

    public string? PosterPath { get; set; }

    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>The readable download name, e.g. <c>stadium-shot2-kling-2.6-pro-5s.mp4</c>.</summary>
    public required string DownloadName { get; set; }

    /// <summary>The provenance record as JSON (<see cref="Providers.Generation.GenerationProvenance"/>).</summary>
    public required string ProvenanceJson { get; set; }

    public DateTime CreatedAt { get; set; }
}
