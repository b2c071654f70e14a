namespace Previz.Studio.Persistence;

/// <summary>Where a generation stands. Stored by name, so the values can be reordered safely.</summary>
public enum GenerationState
{
    /// <summary>Created; waiting for a worker.</summary>
    Queued,

    /// <summary>A worker is sending the request to the vendor. A crash here is never blindly resubmitted.</summary>
    Submitting,

    /// <summary>The vendor (or Direct Render) is working on it.</summary>
    Running,

    /// <summary>The result is being downloaded, checked and stored.</summary>
    Fetching,

    /// <summary>Done; the gallery holds the result.</summary>
    Succeeded,

    /// <summary>Stopped by an error; <see cref="GenerationRecord.Error"/> says why.</summary>
    Failed,

    /// <summary>Canceled by the user.</summary>
    Canceled,
}
