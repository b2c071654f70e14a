using Previz.Core.Catalog;

namespace Previz.Core.Costs;

/// <summary>What a generation will cost (USD) and how the number was reached, line by line.</summary>
public sealed record CostEstimate
{
    public required string ModelId { get; init; }

    public required BillingRule Rule { get; init; }

    /// <summary>How many billing units: seconds, clips or images.</summary>
    public required decimal Units { get; init; }

    /// <summary>"s", "clip" or "image".</summary>
    public required string UnitName { get; init; }

    public required decimal UnitPrice { get; init; }

    public required decimal Total { get; init; }

    /// <summary>Seconds of video paid for (a whole number of clips under per-clip billing).</summary>
    public double BilledSeconds { get; init; }

    public string? VendorResolution { get; init; }

    public bool Audio { get; init; }

    public string Currency { get; init; } = "USD";

    /// <summary>The breakdown for people: rule, arithmetic, factors and the price's source.</summary>
    public IReadOnlyList<string> Breakdown { get; init; } = [];

    public string TotalText => CostEstimator.Money(Total);
}
