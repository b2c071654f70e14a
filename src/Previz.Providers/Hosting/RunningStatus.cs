namespace Previz.Providers.Hosting;

/// <summary>Generating (fal <c>IN_PROGRESS</c>, Runway <c>RUNNING</c>, Luma <c>dreaming</c>/<c>processing</c>).</summary>
/// <param name="Progress">0..1 where the vendor reports it (Runway <c>progress</c>).</param>
/// <param name="Logs">The vendor's log lines so far (fal <c>logs[].message</c>).</param>
public sealed record RunningStatus(double? Progress, IReadOnlyList<string> Logs) : HostedJobStatus
{
    /// <inheritdoc />
    public override bool IsTerminal => false;
}
