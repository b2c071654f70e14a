using Previz.Providers.Generation;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Planning;

namespace Previz.Studio.Api;

/// <summary>
/// A generation as the API shows it: the choices as asked and the plan's provenance (resolved options, prompt,
/// estimate, inputs, references, notes); no vendor request body, no keys.
/// </summary>
public sealed record GenerationDto(
    Guid Id,
    string Kind,
    string State,
    Guid? SceneId,
    string? SceneHash,
    string ShotId,
    string Mode,
    string ModelId,
    ShotChoices Choices,
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
    GenerationProvenance Plan,
    Guid? RetryOf,
    int Attempt,
    Guid? GalleryItemId,
    Guid? BatchId,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? SubmittedAt,
    DateTime? FinishedAt)
{
    public static GenerationDto From(GenerationRecord g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var plan = StoredPlan.Of(g);
        return new(
            g.Id,
            g.Kind == GenerationKind.DirectRender ? "direct-render" : "hosted",
            g.State.ToString().ToLowerInvariant(),
            g.SceneId,
            g.SceneHash,
            g.ShotId,
            g.Mode,
            g.ModelId,
            plan.Choices,
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
            plan.Provenance,
            g.RetryOfId,
            g.Attempt,
            g.GalleryItemId,
            g.BatchId,
            g.CreatedAt,
            g.StartedAt,
            g.SubmittedAt,
            g.FinishedAt);
    }
}
