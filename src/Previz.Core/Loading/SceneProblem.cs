namespace Previz.Core.Loading;

/// <summary>One thing wrong with a scene document, at a JSON path such as <c>$.shots[2].cameraId</c>.</summary>
public sealed record SceneProblem(string Path, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString() =>
        Severity == ProblemSeverity.Warning ? $"{Path}: warning: {Message}" : $"{Path}: {Message}";
}
