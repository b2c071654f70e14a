namespace Previz.Core.Costs;

/// <summary>
/// A generation, or a batch of them, would take the project over its budget; the message names the numbers. Nothing
/// was started.
/// </summary>
public sealed class BudgetExceededException : UserErrorException
{
    public BudgetExceededException(decimal cost, decimal spent, decimal cap, int takes = 1)
        : base(takes > 1 ? ComposeBatch(cost, spent, cap, takes) : Compose(cost, spent, cap))
    {
        Cost = cost;
        Spent = spent;
        Cap = cap;
        Takes = takes;
    }

    public BudgetExceededException()
    {
    }

    public BudgetExceededException(string message)
        : base(message)
    {
    }

    public BudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public decimal Cost { get; }

    public decimal Spent { get; }

    public decimal Cap { get; }

    /// <summary>What the budget has left before this cost.</summary>
    public decimal Left => Math.Max(0, Cap - Spent);

    /// <summary>How many generations the cost is for (a compare batch has several).</summary>
    public int Takes { get; } = 1;

    private static string ComposeBatch(decimal cost, decimal spent, decimal cap, int takes) =>
        $"The batch of {takes} takes costs {CostEstimator.Money(cost)}; {CostEstimator.Money(Math.Max(0, cap - spent))} is left of the {CostEstimator.Money(cap)} budget. Nothing was started.";

    private static string Compose(decimal cost, decimal spent, decimal cap) =>
        spent == 0
            ? $"This generation costs {CostEstimator.Money(cost)}, over the project's budget of {CostEstimator.Money(cap)}."
            : $"This generation costs {CostEstimator.Money(cost)}; with {CostEstimator.Money(spent)} already spent the project would reach {CostEstimator.Money(spent + cost)}, over its budget of {CostEstimator.Money(cap)}.";
}
