using Previz.Core;

namespace Previz.Import;

/// <summary>
/// A glTF/GLB file Previz cannot use, for a reason the user can fix (a broken or truncated file, an unsupported
/// extension or camera type). The message names the file and says what is wrong in plain words.
/// </summary>
public sealed class GltfImportException : UserErrorException
{
    public GltfImportException()
    {
        FileName = string.Empty;
    }

    public GltfImportException(string message)
        : base(message)
    {
        FileName = string.Empty;
    }

    public GltfImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = string.Empty;
    }

    public GltfImportException(string fileName, string problem)
        : base($"{fileName}: {problem}")
    {
        FileName = fileName;
        Problem = problem;
    }

    public GltfImportException(string fileName, string problem, Exception innerException)
        : base($"{fileName}: {problem}", innerException)
    {
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>The file (name only, no folders) the problem is in.</summary>
    public string FileName { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string? Problem { get; }
}
