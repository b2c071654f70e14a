namespace Previz.Core.Loading;

/// <summary>A scene the user must fix: every problem found, each with its JSON path.</summary>
public sealed class SceneValidationException : UserErrorException
{
    public SceneValidationException(IReadOnlyList<SceneProblem> problems, string? source = null)
        : base(Describe(problems, source))
    {
        Problems = problems;
        SceneName = source;
    }

    public SceneValidationException()
        : this([])
    {
    }

    public SceneValidationException(string message)
        : base(message)
    {
        Problems = [new SceneProblem("$", message)];
    }

    public SceneValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new SceneProblem("$", message)];
    }

    public IReadOnlyList<SceneProblem> Problems { get; } = [];

    /// <summary>The file or name the problems belong to, when known.</summary>
    public string? SceneName { get; }

    public IEnumerable<SceneProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);

    private static string Describe(IReadOnlyList<SceneProblem> problems, string? source)
    {
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
        var head = errors.Count == 1 ? "1 problem" : $"{errors.Count} problems";
        var where = source is null ? "The scene" : $"The scene {source}";
        return $"{where} has {head}:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(p => "  " + p));
    }
}
