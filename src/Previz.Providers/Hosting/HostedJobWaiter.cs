using Previz.Providers.Errors;
using Previz.Providers.Http;

namespace Previz.Providers.Hosting;

/// <summary>
/// Polls a job until it finishes or a deadline passes, for callers that wait in-process (the CLI). The durable job
/// system polls with delayed continuations instead and only needs <see cref="IHostedVideoClient.GetStatusAsync"/>.
/// </summary>
public sealed class HostedJobWaiter
{
    private readonly TimeProvider _time;

    /// <summary>Creates a waiter on <paramref name="time"/>.</summary>
    public HostedJobWaiter(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>
    /// Returns the terminal status, or a <see cref="FailedStatus"/> with <see cref="VendorErrorCategory.TimedOut"/> once
    /// <see cref="JobWaitOptions.MaxWait"/> has passed (after canceling at the vendor when asked). Transient vendor
    /// trouble (outage, rate limit, timeout) does not end the wait; a bad key or a missing job does.
    /// </summary>
    public async Task<HostedJobStatus> WaitAsync(
        IHostedVideoClient client,
        SubmittedJob job,
        JobWaitOptions options,
        IProgress<HostedJobStatus>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(options);
        var started = _time.GetTimestamp();
        while (true)
        {
            try
            {
                var status = await client.GetStatusAsync(job, cancellationToken);
                progress?.Report(status);
                if (status.IsTerminal)
                {
                    return status;
                }
            }
            catch (HostedProviderException ex) when (ex.Category is VendorErrorCategory.VendorUnavailable or VendorErrorCategory.RateLimited or VendorErrorCategory.TimedOut)
            {
                // Already retried at the HTTP level; keep polling until the deadline.
            }

            var elapsed = _time.GetElapsedTime(started);
            if (elapsed + options.PollInterval > options.MaxWait)
            {
                return await TimedOutAsync(client, job, options, cancellationToken);
            }

            await Task.Delay(options.PollInterval, _time, cancellationToken);
        }
    }

    private static async Task<HostedJobStatus> TimedOutAsync(IHostedVideoClient client, SubmittedJob job, JobWaitOptions options, CancellationToken cancellationToken)
    {
        var canceled = string.Empty;
        if (options.CancelOnTimeout)
        {
            try
            {
                var outcome = await client.CancelAsync(job, cancellationToken);
                canceled = outcome == CancelOutcome.Requested ? "; Previz asked the vendor to cancel it" : string.Empty;
            }
            catch (HostedProviderException)
            {
                canceled = "; canceling it at the vendor failed, it may still finish and be billed";
            }
        }

        var detail = $"request {job.RequestId} did not finish within {options.MaxWait}{canceled}";
        return new FailedStatus(FailureMessages.Failure(job.Provider, VendorErrorCategory.TimedOut, detail));
    }
}
