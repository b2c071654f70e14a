using System.Text.Json.Nodes;
using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.Fal;

/// <summary>
/// fal's two error shapes. Model errors: HTTP 422 with <c>detail: [{loc, msg, type, url, ctx, input}]</c>, where
/// <c>type</c> is machine-readable (e.g. <c>content_policy_violation</c>) and <c>loc</c> names the field as
/// <c>["body", "field"]</c> (fal docs "Error Reference", https://docs.fal.ai/errors). Request (infrastructure) errors:
/// <c>{detail: "…", error_type: "request_timeout"}</c> with the same value in <c>X-Fal-Error-Type</c>
/// (https://docs.fal.ai/documentation/model-apis/request-errors).
/// </summary>
internal static class FalErrors
{
    public const string ErrorTypeHeader = "X-Fal-Error-Type";
    private const HostedProvider Fal = HostedProvider.Fal;

    public static HostedFailure Map(VendorResponse answer)
    {
        var errorType = answer.Header(ErrorTypeHeader) ?? JsonRead.String(answer.Json, "error_type");
        var detail = answer.Json is JsonObject obj ? obj["detail"] : null;

        if (detail is JsonArray items && items.Count > 0)
        {
            var chosen = items.FirstOrDefault(i => JsonRead.String(i, "type") == "content_policy_violation") ?? items[0];
            var type = JsonRead.String(chosen, "type");
            var msg = JsonRead.String(chosen, "msg");
            var field = FieldOf(chosen);
            if (type == "content_policy_violation")
            {
                return FailureMessages.Failure(Fal, VendorErrorCategory.ContentPolicy, msg, type, field);
            }

            if (answer.Status is 400 or 422)
            {
                return FailureMessages.Failure(Fal, VendorErrorCategory.InvalidField, msg, type, field);
            }

            return FailureMessages.Failure(Fal, CategoryOf(errorType ?? type, answer.Status), msg, type ?? errorType, field);
        }

        var text = JsonRead.String(answer.Json, "detail") ?? JsonRead.String(answer.Json, "error") ?? JsonRead.String(answer.Json, "message")
            ?? (answer.Json is null ? answer.Excerpt : null);
        if (answer.Status == 403 && text is not null && (text.Contains("balance", StringComparison.OrdinalIgnoreCase) || text.Contains("locked", StringComparison.OrdinalIgnoreCase)))
        {
            // A key whose account ran dry answers 403 "User is locked. Reason: Exhausted balance" (seen in a 3rd-party
            // client's tests of fal's storage API; fal does not document it).
            return FailureMessages.Failure(Fal, VendorErrorCategory.OutOfCredit, text, errorType);
        }

        return FailureMessages.Failure(Fal, CategoryOf(errorType, answer.Status), text, errorType);
    }

    /// <summary>The category for fal's <c>error_type</c> (request errors) or <c>type</c> (model errors).</summary>
    public static VendorErrorCategory CategoryOf(string? errorType, int? status) => errorType switch
    {
        "content_policy_violation" => VendorErrorCategory.ContentPolicy,
        "request_timeout" or "startup_timeout" or "generation_timeout" => VendorErrorCategory.TimedOut,
        "runner_scheduling_failure" or "runner_connection_timeout" or "runner_disconnected" or "runner_connection_refused"
            or "runner_connection_error" or "downstream_service_unavailable" => VendorErrorCategory.VendorUnavailable,
        "internal_server_error" or "downstream_service_error" => VendorErrorCategory.GenerationFailed,
        _ when status is { } code => FailureMessages.FromStatus(code),
        _ => VendorErrorCategory.GenerationFailed,
    };

    /// <summary><c>loc</c> without its leading <c>"body"</c>, joined with dots: <c>["body","video","duration"]</c> → <c>video.duration</c>.</summary>
    private static string? FieldOf(JsonNode? item)
    {
        if (item is not JsonObject obj || obj["loc"] is not JsonArray loc)
        {
            return null;
        }

        var parts = loc.Select(JsonRead.Text).Where(p => p is not null).Cast<string>().ToList();
        if (parts.Count > 0 && parts[0] == "body")
        {
            parts.RemoveAt(0);
        }

        return parts.Count == 0 ? null : string.Join('.', parts);
    }
}
