namespace Previz.Core.Costs;

/// <summary>A generation would take the project over its budget; the message names both numbers.</summary>
public sealed class BudgetExceededException : UserErrorException
{
    public BudgetExceededException(decimal cost, decimal spent, decimal cap)
        : base(Compose(cost, spent, cap))
    {
        Cost = cost;
        Spent = spent;
        Cap = cap;
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

    private static string Compose(decimal cost, decimal spent, decimal cap) =>
        spent == 0
            ? $"This generation costs {CostEstimator.Money(cost)}, over the project's budget of {CostEstimator.Money(cap)}."
            : $"This generation costs {CostEstimator.Money(cost)}; with {CostEstimator.Money(spent)} already spent the project would reach {CostEstimator.Money(spent + cost)}, over its budget of {CostEstimator.Money(cap)}.";
}
