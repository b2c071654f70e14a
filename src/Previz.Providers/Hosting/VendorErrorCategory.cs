namespace Previz.Providers.Hosting;

/// <summary>What went wrong at a vendor, in terms a user can act on.</summary>
public enum VendorErrorCategory
{
    /// <summary>Not classified; the vendor's own message is all there is.</summary>
    Unknown,

    /// <summary>The prompt or an input image was refused by a safety filter.</summary>
    ContentPolicy,

    /// <summary>A request field was rejected; <see cref="HostedFailure.Field"/> names it.</summary>
    InvalidField,

    /// <summary>The API key was refused (HTTP 401/403).</summary>
    BadKey,

    /// <summary>The account has no credit left (HTTP 402 or the vendor's code).</summary>
    OutOfCredit,

    /// <summary>Too many requests (HTTP 429) after Previz's retries.</summary>
    RateLimited,

    /// <summary>The vendor is down or overloaded (5xx, connection refused).</summary>
    VendorUnavailable,

    /// <summary>The vendor or Previz ran out of time.</summary>
    TimedOut,

    /// <summary>The vendor ran the job and it failed on their side.</summary>
    GenerationFailed,

    /// <summary>The vendor does not know the request (expired, deleted, wrong id).</summary>
    NotFound,

    /// <summary>The vendor answered something Previz cannot read (malformed JSON, missing fields).</summary>
    BadResponse,
}
