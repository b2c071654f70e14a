namespace Previz.Providers.Hosting;

/// <summary>What a cancel achieved.</summary>
public enum CancelOutcome
{
    /// <summary>The vendor accepted the cancel (fal <c>CANCELLATION_REQUESTED</c>, Runway/Luma 2xx).</summary>
    Requested,

    /// <summary>Too late: the job had already finished (fal <c>ALREADY_COMPLETED</c>). It may still be billed.</summary>
    AlreadyCompleted,

    /// <summary>The vendor does not know the request.</summary>
    NotFound,

    /// <summary>The vendor's API has no cancel for this job.</summary>
    NotSupported,
}
