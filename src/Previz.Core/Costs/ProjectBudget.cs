namespace Previz.Core.Costs;

/// <summary>A per-project spending cap (USD): a request that would take the project over it fails.</summary>
public sealed record ProjectBudget(decimal Cap, decimal Spent = 0)
{
    public decimal Remaining => Math.Max(0, Cap - Spent);

    /// <summary>Throws <see cref="BudgetExceededException"/> when <paramref name="estimate"/> does not fit.</summary>
    public void EnsureAllows(CostEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        // Something free (Direct Render) is never refused, even once the budget is spent.
        if (estimate.Total > 0 && Spent + estimate.Total > Cap)
        {
            throw new BudgetExceededException(estimate.Total, Spent, Cap);
        }
    }

    public ProjectBudget Charge(decimal amount) => this with { Spent = Spent + amount };
}
