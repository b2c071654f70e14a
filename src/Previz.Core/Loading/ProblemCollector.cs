namespace Previz.Core.Loading;

/// <summary>Gathers problems while a document is read, so that one pass reports all of them.</summary>
internal sealed class ProblemCollector
{
    // A hostile document could otherwise make the report itself enormous.
    private const int MaxProblems = 500;
    private readonly List<SceneProblem> _problems = [];
    private int _dropped;

    public IReadOnlyList<SceneProblem> Problems => _problems;

    public bool HasErrors { get; private set; }

    public void Error(string path, string message) => Add(new SceneProblem(path, message));

    public void Warning(string path, string message) => Add(new SceneProblem(path, message, ProblemSeverity.Warning));

    public IReadOnlyList<SceneProblem> Finish()
    {
        if (_dropped > 0)
        {
            _problems.Add(new SceneProblem("$", $"{_dropped} more problems not listed"));
        }

        return _problems;
    }

    private void Add(SceneProblem problem)
    {
        HasErrors |= problem.Severity == ProblemSeverity.Error;
        if (_problems.Count >= MaxProblems)
        {
            _dropped++;
            return;
        }

        _problems.Add(problem);
    }
}
