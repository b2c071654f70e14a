namespace Previz.Core.Loading;

/// <summary>How a scene file is read: where it came from and how to check that referenced files exist.</summary>
public sealed record SceneReadOptions
{
    /// <summary>A name for messages (usually the file name).</summary>
    public string? SourceName { get; init; }

    /// <summary>
    /// Answers whether a path relative to the scene file's folder exists; null skips the check (Core does no I/O).
    /// </summary>
    public Func<string, bool>? RelativeFileExists { get; init; }

    /// <summary>
    /// Answers the clip names (animations) of a mesh file relative to the scene file's folder, or null when the file cannot
    /// be read; null skips the check of an object's <c>action.clip</c> until the file is loaded.
    /// </summary>
    public Func<string, IReadOnlyList<string>?>? MeshClips { get; init; }

    public static SceneReadOptions Default { get; } = new();
}
