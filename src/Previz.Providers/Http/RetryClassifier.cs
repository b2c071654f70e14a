using System.Net;
using Polly;
using Polly.Timeout;

namespace Previz.Providers.Http;

/// <summary>Which vendor answers are worth another attempt.</summary>
internal static class RetryClassifier
{
    /// <summary>
    /// fal answers a 504 with <c>X-Fal-Request-Timeout-Type: user</c> when the caller's own start timeout ran out; that is
    /// final, not transient (fal docs, "Common parameters", X-Fal-Request-Timeout:
    /// https://docs.fal.ai/documentation/model-apis/common-parameters).
    /// </summary>
    public const string FalTimeoutTypeHeader = "X-Fal-Request-Timeout-Type";

    /// <summary>
    /// For idempotent calls (status, result, cancel, upload): 429, 500, 502, 503, 504, connection failures and attempt
    /// timeouts. fal-js retries queue status/result/cancel on 429/502/503/504 and 500
    /// (fal-ai/fal-js libs/client/src/retry.ts DEFAULT_RETRYABLE_STATUS_CODES, queue.ts QUEUE_STATUS_RETRY_CONFIG);
    /// Runway says 429/502/503/504 may be retried with backoff and jitter (docs.dev.runwayml.com/errors/errors).
    /// </summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        return outcome.Result is { } response && IsTransientStatus(response);
    }

    /// <summary>For submits: only 429, which means the vendor did not take the request (nothing to bill twice).</summary>
    public static bool IsDefinitiveRejectionWorthRetrying(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is null && outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests;

    public static bool IsTransientStatus(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status == 504 && IsUserTimeout(response))
        {
            return false;
        }

        return status is 429 or 500 or 502 or 503 or 504;
    }

    public static bool IsUserTimeout(HttpResponseMessage response) =>
        response.Headers.TryGetValues(FalTimeoutTypeHeader, out var values) &&
        values.Any(v => string.Equals(v.Trim(), "user", StringComparison.OrdinalIgnoreCase));
}
