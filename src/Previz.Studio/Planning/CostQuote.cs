namespace Previz.Studio.Planning;

/// <summary>What exactly these choices cost, how the number is reached, and the budget left.</summary>
/// <param name="ClipSeconds">The clip asked of (and paid to) the vendor.</param>
/// <param name="OutputSeconds">What is delivered after trimming to the shot.</param>
/// <param name="Billing">per-second, per-clip, per-image or free.</param>
/// <param name="Breakdown">The arithmetic and the price's source, line by line.</param>
/// <param name="Budget">Null when no budget is configured.</param>
public sealed record CostQuote(
    string ModelId,
    string Mode,
    string ShotId,
    double ShotSeconds,
    double ClipSeconds,
    double OutputSeconds,
    bool Trimmed,
    string Aspect,
    string Resolution,
    string? VendorResolution,
    bool Audio,
    string Billing,
    decimal Units,
    string Unit,
    decimal UnitPrice,
    decimal TotalUsd,
    string Currency,
    IReadOnlyList<string> Breakdown,
    IReadOnlyList<string> Notes,
    BudgetStatus? Budget);
