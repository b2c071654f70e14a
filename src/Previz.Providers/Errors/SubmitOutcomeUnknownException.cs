using Previz.Core;
using Previz.Providers.Hosting;

namespace Previz.Providers.Errors;

/// <summary>
/// A submit whose body may have reached the vendor but whose answer never arrived or could not be read (timeout,
/// connection lost, 5xx, malformed answer). The vendor may be generating — and billing — the request. Submitting again
/// could pay twice, so the job is marked for the user to check the vendor's dashboard.
/// </summary>
public sealed class SubmitOutcomeUnknownException : UserErrorException
{
    /// <summary>Creates the exception for a submit to <paramref name="endpoint"/> at <paramref name="provider"/>.</summary>
    public SubmitOutcomeUnknownException(HostedProvider provider, string endpoint, string reason, string? idempotencyKey, Exception? innerException = null)
        : base(
            $"Could not tell whether {VendorNames.Of(provider)} accepted the request to '{endpoint}': {reason}. " +
            $"It may be running and billed; check the {VendorNames.Of(provider)} dashboard before submitting again" +
            (idempotencyKey is null ? "." : $" (Previz submission {idempotencyKey})."),
            innerException!)
    {
        Provider = provider;
        Endpoint = endpoint;
        Reason = reason;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public SubmitOutcomeUnknownException()
        : this("The outcome of a submit is unknown.")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public SubmitOutcomeUnknownException(string message)
        : this(message, null!)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public SubmitOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
        Endpoint = string.Empty;
        Reason = message;
    }

    /// <summary>The vendor.</summary>
    public HostedProvider Provider { get; }

    /// <summary>The endpoint the submit went to.</summary>
    public string Endpoint { get; }

    /// <summary>What happened (timeout, connection reset, HTTP 502, …).</summary>
    public string Reason { get; }

    /// <summary>The request's idempotency key, to match it in the job store.</summary>
    public string? IdempotencyKey { get; }
}
