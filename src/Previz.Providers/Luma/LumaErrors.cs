using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.Luma;

/// <summary>
/// Luma's errors. Synchronous ones are told by HTTP status, with the specifics in <c>detail</c> (docs.agents.lumalabs.ai
/// guides/error-handling: "branch on the status code, then read detail"; 400, 401, 402, 403, 413, 422, 429 with
/// Retry-After, 502, 503); asynchronous ones by the generation's <c>failure_code</c>.
/// </summary>
internal static class LumaErrors
{
    private const HostedProvider Luma = HostedProvider.Luma;

    public static HostedFailure Map(VendorResponse answer)
    {
        var text = JsonRead.String(answer.Json, "detail") ?? (answer.Json is null ? answer.Excerpt : answer.Json.ToJsonString());
        return FailureMessages.Failure(Luma, FailureMessages.FromStatus(answer.Status), text);
    }

    /// <summary>
    /// <c>failure_code</c> (lumalabs/luma-agents-python@38837df types/generation_failure_code.py): content_moderated,
    /// generation_failed, budget_exhausted, output_not_found, image_too_large, unsupported_format, corrupt_input,
    /// invalid_request, rate_limited.
    /// </summary>
    public static VendorErrorCategory CategoryOfFailureCode(string? code) => code switch
    {
        "content_moderated" => VendorErrorCategory.ContentPolicy,
        "budget_exhausted" => VendorErrorCategory.OutOfCredit,
        "image_too_large" or "unsupported_format" or "corrupt_input" or "invalid_request" => VendorErrorCategory.InvalidField,
        "rate_limited" => VendorErrorCategory.RateLimited,
        _ => VendorErrorCategory.GenerationFailed,
    };
}
