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

    public static SceneReadOptions Default { get; } = new();
}
