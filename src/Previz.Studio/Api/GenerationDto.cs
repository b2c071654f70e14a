using System.Text.Json.Nodes;
using Previz.Studio.Persistence;

namespace Previz.Studio.Api;

/// <summary>A generation as the API shows it (no vendor request body, no keys).</summary>
public sealed record GenerationDto(
    Guid Id,
    string Kind,
    string State,
    Guid? SceneId,
    string? SceneHash,
    string ShotId,
    string Mode,
    string ModelId,
    JsonNode? Options,
    double? Progress,
    int? QueuePosition,
    string? VendorRequestId,
    bool NeedsAttention,
    bool CancelRequested,
    string? Error,
    string? ErrorCategory,
    decimal? EstimatedCostUsd,
    decimal? BilledCostUsd,
    string? BilledCostSource,
    JsonNode? Prompt,
    JsonNode? Plan,
    Guid? RetryOf,
    int Attempt,
    Guid? GalleryItemId,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? SubmittedAt,
    DateTime? FinishedAt)
{
    public static GenerationDto From(GenerationRecord g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new(
            g.Id,
            g.Kind == GenerationKind.DirectRender ? "direct-render" : "hosted",
            g.State.ToString().ToLowerInvariant(),
            g.SceneId,
            g.SceneHash,
            g.ShotId,
            g.Mode,
            g.ModelId,
            JsonNode.Parse(g.OptionsJson),
            g.Progress,
            g.QueuePosition,
            g.VendorRequestId,
            g.NeedsAttention,
            g.CancelRequested,
            g.Error,
            g.ErrorCategory,
            g.EstimatedCostUsd,
            g.BilledCostUsd,
            g.BilledCostSource,
            g.PromptJson is null ? null : JsonNode.Parse(g.PromptJson),
            g.PlanJson is null ? null : JsonNode.Parse(g.PlanJson),
            g.RetryOfId,
            g.Attempt,
            g.GalleryItemId,
            g.CreatedAt,
            g.StartedAt,
            g.SubmittedAt,
            g.FinishedAt);
    }
}
