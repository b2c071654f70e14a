using Previz.Core;
using Previz.Providers.Hosting;

namespace Previz.Providers.Errors;

/// <summary>
/// A vendor refused or failed a call in a way the user can understand and often fix (content policy, a field,
/// the key, credit, rate limits, an outage). The message names the vendor and never contains a key.
/// </summary>
public class HostedProviderException : UserErrorException
{
    /// <summary>Creates an exception from a classified vendor failure.</summary>
    public HostedProviderException(HostedProvider provider, HostedFailure failure, int? httpStatus = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(failure?.Message ?? throw new ArgumentNullException(nameof(failure)), innerException!)
    {
        Provider = provider;
        Failure = failure;
        HttpStatus = httpStatus;
        RetryAfter = retryAfter;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public HostedProviderException()
        : this("A hosted model vendor refused the request.")
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public HostedProviderException(string message)
        : this(message, null!)
    {
    }

    /// <summary>Creates an exception with a message and a cause.</summary>
    public HostedProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = new HostedFailure(VendorErrorCategory.Unknown, message);
    }

    /// <summary>The vendor.</summary>
    public HostedProvider Provider { get; }

    /// <summary>The classified failure (category, vendor code, field).</summary>
    public HostedFailure Failure { get; }

    /// <summary>Shortcut for <c>Failure.Category</c>.</summary>
    public VendorErrorCategory Category => Failure.Category;

    /// <summary>The HTTP status the vendor answered, if any.</summary>
    public int? HttpStatus { get; }

    /// <summary>How long the vendor asked to wait (Retry-After), when it did.</summary>
    public TimeSpan? RetryAfter { get; }
}
