using System.Globalization;
using System.Text.Json.Nodes;
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
        if (generation.Kind == GenerationKind.DirectRender)
        {
            return (0, "free: Direct Render runs on this machine");
        }

        var estimate = generation.PlanJson is null ? null : JsonNode.Parse(generation.PlanJson)?["estimate"];
        if (estimate is null)
        {
            // A raw vendor request: only the caller's estimate is known.
            return generation.EstimatedCostUsd is { } given ? (given, "estimate given with the raw request; the vendor reports no cost") : (null, null);
        }

        var total = (decimal?)estimate["total"] ?? generation.EstimatedCostUsd;
        var units = ((decimal?)estimate["units"] ?? 0).ToString("0.###", CultureInfo.InvariantCulture);
        var source = (string?)estimate["rule"] switch
        {
            "per-second" => $"estimate: billed per second of the generated clip ({units} s), which the vendor does not report back",
            "per-clip" => $"estimate: billed per started clip of the generated video ({units} clip(s)), which the vendor does not report back",
            "per-image" => "estimate: billed per image, which the vendor does not report back",
            "free" => "free",
            var rule => $"estimate ({rule ?? "unknown"} billing)",
        };
        return (total, source);
    }
}
