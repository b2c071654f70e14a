namespace Previz.Studio.Planning;

/// <summary>
/// The project's spending cap (<c>Studio:BudgetUsd</c>) and what is left: the cap less the billed (else estimated)
/// cost of every generation that did not fail.
/// </summary>
/// <param name="LeftAfterUsd">What would be left after the generation being priced.</param>
/// <param name="Fits">Whether that generation fits under the cap (one that does not is refused).</param>
public sealed record BudgetStatus(decimal CapUsd, decimal SpentUsd, decimal LeftUsd, decimal? LeftAfterUsd, bool? Fits);
