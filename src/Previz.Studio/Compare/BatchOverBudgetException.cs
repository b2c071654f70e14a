using Previz.Core;
using Previz.Core.Costs;

namespace Previz.Studio.Compare;

/// <summary>A compare batch whose total would pass the budget: refused before anything is planned, stored or sent.</summary>
public sealed class BatchOverBudgetException : UserErrorException
{
    public BatchOverBudgetException(decimal totalUsd, decimal leftUsd, decimal capUsd, int takes)
        : base($"The batch of {takes} takes costs {CostEstimator.Money(totalUsd)}; {CostEstimator.Money(leftUsd)} is left of the {CostEstimator.Money(capUsd)} budget. Nothing was started.")
    {
        TotalUsd = totalUsd;
        LeftUsd = leftUsd;
        CapUsd = capUsd;
        Takes = takes;
    }

    public BatchOverBudgetException()
    {
    }

    public BatchOverBudgetException(string message)
        : base(message)
    {
    }

    public BatchOverBudgetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public decimal TotalUsd { get; }

    public decimal LeftUsd { get; }

    public decimal CapUsd { get; }

    public int Takes { get; }
}
