using Previz.Providers.Errors;
using Previz.Providers.Hosting;

namespace Previz.Providers.Http;

/// <summary>Readable sentences for each failure category.</summary>
internal static class FailureMessages
{
    public static HostedFailure Failure(HostedProvider provider, VendorErrorCategory category, string? detail, string? vendorCode = null, string? field = null) =>
        new(category, Build(provider, category, detail, field), vendorCode, field);

    public static string Build(HostedProvider provider, VendorErrorCategory category, string? detail, string? field = null)
    {
        var vendor = VendorNames.Of(provider);
        var because = string.IsNullOrWhiteSpace(detail) ? string.Empty : $" ({TextExcerpt.Of(detail)})";
        return category switch
        {
            VendorErrorCategory.ContentPolicy =>
                $"{vendor} refused the content: its safety filter flagged the prompt or an input image{because}. Change the prompt or the images; retrying the same request will not help.",
            VendorErrorCategory.InvalidField when field is not null =>
                $"{vendor} rejected the field '{field}'{because}.",
            VendorErrorCategory.InvalidField =>
                $"{vendor} rejected the request{because}.",
            VendorErrorCategory.BadKey =>
                $"{vendor} did not accept the API key in {Configuration.ProviderKeys.VariableName(provider)}{because}: check that it is current and allowed to use this model.",
            VendorErrorCategory.OutOfCredit =>
                $"The {vendor} account is out of credit{because}: top up its balance and try again.",
            VendorErrorCategory.RateLimited =>
                $"{vendor} is rate limiting this account{because}: try again in a little while.",
            VendorErrorCategory.VendorUnavailable =>
                $"{vendor} is unavailable right now{because}: try again later.",
            VendorErrorCategory.TimedOut =>
                $"{vendor} did not answer in time{because}.",
            VendorErrorCategory.GenerationFailed =>
                $"{vendor} could not generate the video{because}.",
            VendorErrorCategory.NotFound =>
                $"{vendor} no longer knows this request{because}; its results may have expired.",
            VendorErrorCategory.BadResponse =>
                $"{vendor} sent an answer Previz cannot read{because}.",
            _ => $"{vendor} reported an error{because}.",
        };
    }

    /// <summary>The category for an HTTP status when the vendor's body says nothing more specific.</summary>
    public static VendorErrorCategory FromStatus(int status) => status switch
    {
        401 or 403 => VendorErrorCategory.BadKey,
        402 => VendorErrorCategory.OutOfCredit,
        404 or 410 => VendorErrorCategory.NotFound,
        400 or 422 => VendorErrorCategory.InvalidField,
        408 or 504 => VendorErrorCategory.TimedOut,
        429 => VendorErrorCategory.RateLimited,
        >= 500 => VendorErrorCategory.VendorUnavailable,
        _ => VendorErrorCategory.Unknown,
    };
}
