namespace Previz.Providers.Hosting;

/// <summary>
/// One vendor's generation API: submit a built request, poll it, fetch its result, cancel it. Implementations hold no
/// per-job state: a <see cref="SubmittedJob"/> stored in a database is enough to resume after a restart.
/// </summary>
public interface IHostedVideoClient
{
    /// <summary>The vendor this client speaks to.</summary>
    HostedProvider Provider { get; }

    /// <summary>
    /// Uploads the request's files, then submits it once. Never retried after the body may have reached the vendor.
    /// </summary>
    /// <exception cref="Errors.SubmitOutcomeUnknownException">
    /// The vendor may or may not have accepted the request (timeout, connection lost, 5xx, unreadable answer). Do not
    /// submit again blindly: mark the job for the user to check.
    /// </exception>
    /// <exception cref="Errors.HostedProviderException">The vendor refused the request (it was not accepted).</exception>
    /// <exception cref="Errors.MissingApiKeyException">The vendor's key is not configured.</exception>
    Task<SubmittedJob> SubmitAsync(HostedRequest request, CancellationToken cancellationToken);

    /// <summary>Asks the vendor where the job stands. Transient errors are retried; failures of the job are a <see cref="FailedStatus"/>.</summary>
    Task<HostedJobStatus> GetStatusAsync(SubmittedJob job, CancellationToken cancellationToken);

    /// <summary>
    /// Downloads a result to <paramref name="destination"/>, checking by its leading bytes that it is the expected
    /// media before anything is written.
    /// </summary>
    /// <exception cref="Errors.UnexpectedMediaException">The answer is not a video/image (an HTML page, JSON, …).</exception>
    Task<FetchedMedia> FetchResultAsync(HostedOutput output, Stream destination, ExpectedMedia expected, CancellationToken cancellationToken);

    /// <summary>Asks the vendor to cancel the job.</summary>
    Task<CancelOutcome> CancelAsync(SubmittedJob job, CancellationToken cancellationToken);
}
