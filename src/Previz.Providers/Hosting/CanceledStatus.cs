namespace Previz.Providers.Hosting;

/// <summary>Canceled at the vendor (Runway <c>CANCELLED</c>).</summary>
public sealed record CanceledStatus : HostedJobStatus
{
    /// <inheritdoc />
    public override bool IsTerminal => true;
}
