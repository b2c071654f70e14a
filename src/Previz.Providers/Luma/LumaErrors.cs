using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.Luma;

/// <summary>Luma's errors: Stainless-style HTTP statuses (luma-agents-python _client.py _make_status_error) and failure codes.</summary>
internal static class LumaErrors
{
    private const HostedProvider Luma = HostedProvider.Luma;

    public static HostedFailure Map(VendorResponse answer)
    {
        var text = JsonRead.String(answer.Json, "detail") ?? JsonRead.String(answer.Json, "error") ?? JsonRead.String(answer.Json, "message")
            ?? (answer.Json is null ? answer.Excerpt : answer.Json.ToJsonString());
        return FailureMessages.Failure(Luma, FailureMessages.FromStatus(answer.Status), text);
    }

    /// <summary>
    /// <c>failure_code</c> (lumalabs/luma-agents-python types/generation_failure_code.py): content_moderated,
    /// generation_failed, budget_exhausted, output_not_found.
    /// </summary>
    public static VendorErrorCategory CategoryOfFailureCode(string? code) => code switch
    {
        "content_moderated" => VendorErrorCategory.ContentPolicy,
        "budget_exhausted" => VendorErrorCategory.OutOfCredit,
        _ => VendorErrorCategory.GenerationFailed,
    };
}
