using System.Globalization;
using Previz.Core.Catalog;
using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>
/// The cost to record as billed when a generation succeeds, and where the number comes from. fal, Runway and Luma report
/// no cost with a result, but their prices are per second (or per clip, or per image) of what was asked for, which the
/// plan fixed before submitting: the estimate of the resolved options is then the bill.
/// </summary>
internal static class BilledCost
{
    public static (decimal? Usd, string? Source) Of(GenerationRecord generation)
    {
        var estimate = StoredPlan.Of(generation).Provenance.Estimate;
        var total = estimate.Total;
        var units = estimate.Units.ToString("0.###", CultureInfo.InvariantCulture);
        var source = estimate.Rule switch
        {
            BillingRule.PerSecond => $"estimate: billed per second of the generated clip ({units} s), which the vendor does not report back",
            BillingRule.PerClip => $"estimate: billed per started clip of the generated video ({units} clip(s)), which the vendor does not report back",
            BillingRule.PerImage => "estimate: billed per image, which the vendor does not report back",
            _ => "free: nothing is billed",
        };
        return (total, source);
    }
}
