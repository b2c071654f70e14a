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

    public string? Provider { get; init; }

    public string? VendorRequestId { get; init; }

    public Guid? RetryOf { get; init; }

    public int Attempt { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? StartedAt { get; init; }

    public DateTime? SubmittedAt { get; init; }

    public DateTime? FinishedAt { get; init; }
}
