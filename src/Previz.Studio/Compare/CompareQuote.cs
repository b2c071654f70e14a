using Previz.Studio.Planning;

namespace Previz.Studio.Compare;

/// <summary>The one estimate of a whole compare batch: each take's line and their sum, and the budget left.</summary>
/// <param name="TotalUsd">The sum of the takes' estimates, each priced exactly as a single estimate of it is.</param>
/// <param name="Budget">The budget before and after the whole batch; null when none is configured.</param>
public sealed record CompareQuote(
    Guid SceneId,
    string ShotId,
    string Mode,
    IReadOnlyList<CompareTakeQuote> Takes,
    decimal TotalUsd,
    string Currency,
    BudgetStatus? Budget);
