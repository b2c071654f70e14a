namespace Previz.Studio.Persistence;

/// <summary>
/// One uploaded version of a scene. Uploading a file with the same name again adds a new version; identical content is
/// recognised by its hash.
/// </summary>
public sealed class SceneRecord
{
    public Guid Id { get; set; }

    /// <summary>The scene's name from its document (the upload's file name is not trusted for anything but display).</summary>
    public required string Name { get; set; }

    /// <summary>The name the file was uploaded under, cleaned for display.</summary>
    public required string OriginalFileName { get; set; }

    /// <summary><c>previz-json</c> or <c>glb</c>.</summary>
    public required string Format { get; set; }

    /// <summary>SHA-256 of the file, lowercase hex.</summary>
    public required string ContentHash { get; set; }

    /// <summary>1 for the first upload of a name, then 2, 3, …</summary>
    public int Version { get; set; }

    /// <summary>Path relative to the data folder (a generated name).</summary>
    public required string StoredPath { get; set; }

    public long Length { get; set; }

    public DateTime CreatedAt { get; set; }
}
