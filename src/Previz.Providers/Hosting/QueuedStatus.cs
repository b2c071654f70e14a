namespace Previz.Providers.Hosting;

/// <summary>Waiting at the vendor (fal <c>IN_QUEUE</c>, Runway <c>PENDING</c>/<c>THROTTLED</c>, Luma <c>queued</c>).</summary>
/// <param name="Position">Requests ahead of this one, where the vendor says (fal <c>queue_position</c>).</param>
/// <param name="Throttled">Runway <c>THROTTLED</c>: waiting for the account's other tasks to finish.</param>
public sealed record QueuedStatus(int? Position, bool Throttled = false) : HostedJobStatus
{
    /// <inheritdoc />
    public override bool IsTerminal => false;
}
