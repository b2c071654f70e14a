namespace Previz.Providers.Hosting;

/// <summary>Finished; the outputs can be fetched (fetch at once: vendor links expire).</summary>
/// <param name="Outputs">Result files, first the main one.</param>
public sealed record SucceededStatus(IReadOnlyList<HostedOutput> Outputs) : HostedJobStatus
{
    /// <inheritdoc />
    public override bool IsTerminal => true;
}
