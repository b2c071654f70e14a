namespace Previz.Providers.Hosting;

/// <summary>How <see cref="HostedJobWaiter"/> polls.</summary>
public sealed record JobWaitOptions
{
    /// <summary>Time between status calls. Runway asks for no more than one poll per five seconds (runwayml/sdk-python resources/tasks.py).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest total wait; past it the job is reported as <see cref="VendorErrorCategory.TimedOut"/>.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Cancel the job at the vendor when the wait runs out, so it is not left running (and billed).</summary>
    public bool CancelOnTimeout { get; init; } = true;
}
