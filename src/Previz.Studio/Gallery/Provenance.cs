using System.Text.Json.Nodes;

namespace Previz.Studio.Gallery;

/// <summary>How a gallery item was made: enough to read it back, compare it, and run the same recipe again.</summary>
public sealed record Provenance
{
    public required Guid GenerationId { get; init; }

    public Guid? SceneId { get; init; }

    public string? SceneName { get; init; }

    public string? SceneHash { get; init; }

    public required string ShotId { get; init; }

    public required string Mode { get; init; }

    public required string ModelId { get; init; }

    public JsonNode? Options { get; init; }

    /// <summary>The final prompt and its parts (scene, style, lighting) for hosted models.</summary>
    public JsonNode? Prompt { get; init; }

    public long? Seed { get; init; }

    public double Duration { get; init; }

    public double? EstimatedCostUsd { get; init; }

    public double? BilledCostUsd { get; init; }

    /// <summary>Where the billed cost comes from (vendors report none: usually the estimate, and why that is the bill).</summary>
    public string? BilledCostSource { get; init; }

    /// <summary>The estimate with its billing rule, units and breakdown.</summary>
    public JsonNode? Estimate { get; init; }

    /// <summary>The vendor endpoint the request went to.</summary>
    public string? VendorEndpoint { get; init; }

    /// <summary>The pipeline's decisions and what the endpoint could not take.</summary>
    public JsonNode? Notes { get; init; }

    /// <summary>The pictures sent (start, end, keyframes, references), their source and fitting.</summary>
    public JsonNode? Inputs { get; init; }

    /// <summary>Object reference pictures sent or dropped, with the reason.</summary>
    public JsonNode? References { get; init; }

    public string? Provider { get; init; }

    public string? VendorRequestId { get; init; }

    public Guid? RetryOf { get; init; }

    public int Attempt { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? SubmittedAt { get; init; }

    public DateTime? FinishedAt { get; init; }

    /// <summary>
    /// What was done to the result: "streams copied, +faststart", or "trimmed 5.000 s to 4.000 s, re-encoded to H.264,
    /// +faststart". Null for a Direct Render.
    /// </summary>
    public string? Finishing { get; init; }
}
