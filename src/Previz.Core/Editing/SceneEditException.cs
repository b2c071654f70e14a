using Previz.Core.Loading;

namespace Previz.Core.Editing;

/// <summary>
/// A batch of edits that was refused, and nothing of it applied: which operation, the path at fault (a field of the
/// operation such as <c>operations[2].objectId</c>, or of the document it would have made such as
/// <c>$.shots[1].duration</c>) and why.
/// </summary>
public sealed class SceneEditException : UserErrorException
{
    public SceneEditException(int operationIndex, string path, string reason, IReadOnlyList<SceneProblem>? problems = null)
        : base($"Operation {operationIndex}: {path}: {reason}")
    {
        OperationIndex = operationIndex;
        Path = path;
        Reason = reason;
        Problems = problems ?? [new SceneProblem(path, reason)];
    }

    public SceneEditException()
        : this(0, "$", "the edit was refused")
    {
    }

    public SceneEditException(string message)
        : this(0, "$", message)
    {
    }

    public SceneEditException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = "$";
        Reason = message;
        Problems = [new SceneProblem("$", message)];
    }

    /// <summary>The index of the refused operation in its batch.</summary>
    public int OperationIndex { get; }

    public string Path { get; }

    public string Reason { get; }

    /// <summary>Every problem the document would have had (one, for a refusal of the operation itself).</summary>
    public IReadOnlyList<SceneProblem> Problems { get; }
}
