namespace Previz.Providers.Hosting;

/// <summary>
/// Where a hosted generation stands: <see cref="QueuedStatus"/>, <see cref="RunningStatus"/>, or one of the terminal
/// <see cref="SucceededStatus"/>, <see cref="FailedStatus"/>, <see cref="CanceledStatus"/>.
/// </summary>
public abstract record HostedJobStatus
{
    /// <summary>True when the job will not change any more.</summary>
    public abstract bool IsTerminal { get; }
}
