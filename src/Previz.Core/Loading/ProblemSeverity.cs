namespace Previz.Core.Loading;

public enum ProblemSeverity
{
    /// <summary>The scene cannot be used until this is fixed.</summary>
    Error,
    /// <summary>Worth knowing (an unknown field, say) but the scene still renders.</summary>
    Warning,
}
