namespace Previz.Providers.Http;

/// <summary>
/// Timeouts and retries for vendor calls (configuration section <c>Providers:Http</c>). Status, result, upload and
/// cancel calls are retried on 429 (honouring Retry-After) and on transient 5xx with jittered exponential backoff;
/// submits are not retried after the body may have been sent.
/// </summary>
public sealed class ProviderHttpOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Providers:Http";

    /// <summary>Time for one attempt of a status/result/upload/cancel call.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time for a status/result/upload/cancel call including all its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Time for the one attempt of a submit; past it the outcome is unknown.</summary>
    public TimeSpan SubmitTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time to download one result file.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries after the first attempt (fal's own client retries queue calls up to 3–5 times).</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>First backoff delay; it doubles each retry, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single wait between retries, also for a Retry-After the vendor asks for.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);
}
