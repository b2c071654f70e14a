namespace Previz.Studio.Persistence;

/// <summary>
/// A generation and its durable job state. Every transition is written before the side effect it guards (the state
/// <see cref="GenerationState.Submitting"/> is committed before the vendor is called, the vendor's request id the
/// moment it is known), so a restarted worker knows exactly what happened.
/// </summary>
public sealed class GenerationRecord
{
    public Guid Id { get; set; }

    public GenerationKind Kind { get; set; }

    public GenerationState State { get; set; }

    public Guid? SceneId { get; set; }

    /// <summary>The scene file's content hash at creation time (provenance survives the scene's deletion).</summary>
    public string? SceneHash { get; set; }

    public string? SceneName { get; set; }

    public required string ShotId { get; set; }

    /// <summary>Visualizer mode name, or <c>direct-render</c>.</summary>
    public required string Mode { get; set; }

    /// <summary>Catalog model id, or <c>direct-render</c>.</summary>
    public required string ModelId { get; set; }

    public long? Seed { get; set; }

    public double Duration { get; set; }

    /// <summary>A key naming this submission, shown to the user to match it in the vendor's dashboard.</summary>
    public string? IdempotencyKey { get; set; }

    /// <summary>The vendor's answer to the submit (<c>SubmittedJob</c> as JSON): enough to poll, fetch or cancel.</summary>
    public string? SubmittedJobJson { get; set; }

    public string? VendorRequestId { get; set; }

    public int? QueuePosition { get; set; }

    /// <summary>0..1 when known (frames rendered, or the vendor's progress).</summary>
    public double? Progress { get; set; }

    public int PollCount { get; set; }

    /// <summary>Status requests that failed in a row.</summary>
    public int StatusErrors { get; set; }

    /// <summary>
    /// When the next status request of a running hosted job is due. Where hosted steps run in-process a poll may be
    /// started twice (its timer, a sweep or a retry); the one that comes before this time finds it done and does nothing.
    /// </summary>
    public DateTime? NextPollAt { get; set; }

    /// <summary>Set when the outcome is uncertain and a person must look (for example a crash during submit).</summary>
    public bool NeedsAttention { get; set; }

    public string? Error { get; set; }

    public string? ErrorCategory { get; set; }

    public bool CancelRequested { get; set; }

    public decimal? EstimatedCostUsd { get; set; }

    public decimal? BilledCostUsd { get; set; }

    /// <summary>Where <see cref="BilledCostUsd"/> comes from (the vendor reports no cost, so usually the estimate).</summary>
    public string? BilledCostSource { get; set; }

    /// <summary>The plan, written and read only through <see cref="Jobs.StoredPlan"/>.</summary>
    public string PlanJson { get; set; } = "{}";

    /// <summary>The generation this one retries, if any.</summary>
    public Guid? RetryOfId { get; set; }

    public int Attempt { get; set; } = 1;

    public Guid? GalleryItemId { get; set; }

    /// <summary>The compare batch this generation is a take of (one shot across several models and seeds), if any.</summary>
    public Guid? BatchId { get; set; }

    /// <summary>Which worker holds the job now; with <see cref="LeaseExpiresAt"/> it keeps a redelivered job from running twice.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeaseExpiresAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Optimistic concurrency: bumped by every write.</summary>
    public long Revision { get; set; }
}
