using System.Text.Json.Nodes;

namespace Previz.Studio.Jobs;

/// <summary>
/// What the generation pipeline decided for a hosted generation: the vendor request and the provenance to keep.
/// </summary>
/// <param name="Request">The vendor request, files stored under the data folder.</param>
/// <param name="Options">Every resolved option.</param>
/// <param name="Prompt">The final prompt and its three parts.</param>
/// <param name="EstimatedCostUsd">The estimate shown before starting.</param>
/// <param name="Duration">Seconds of video the shot needs (the result is trimmed to it).</param>
public sealed record HostedPlan(StoredHostedRequest Request, JsonObject Options, JsonObject? Prompt, decimal? EstimatedCostUsd, double Duration)
{
    /// <summary>What else the pipeline decided: the estimate with its breakdown, notes, pictures sent, references sent or dropped.</summary>
    public JsonObject? Details { get; init; }
}
