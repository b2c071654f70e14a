namespace Previz.Providers.Hosting;

/// <summary>The vendor gave up on the job, or Previz stopped waiting for it.</summary>
/// <param name="Failure">Why, in the vendor's words and as a category a user understands.</param>
public sealed record FailedStatus(HostedFailure Failure) : HostedJobStatus
{
    /// <inheritdoc />
    public override bool IsTerminal => true;
}
