using System.Text.Json.Nodes;
using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.Runway;

/// <summary>
/// Runway's HTTP errors (docs.dev.runwayml.com/errors/errors): 400 "a problem with one of the inputs … a JSON
/// response with an <c>error</c> member", 401 bad key, 404, 429 retryable, 502/503/504 load shedding. The 400 text
/// names the field (e.g. <c>promptImage</c>) and the reason (docs.dev.runwayml.com/errors/troubleshooting).
/// </summary>
internal static class RunwayErrors
{
    private const HostedProvider Runway = HostedProvider.Runway;

    // Runway's request fields that a 400 message may name (runwayml/sdk-python types/image_to_video_create_params.py and
    // video_to_video_create_params.py), longest first so "promptVideo" is not read as a shorter name.
    private static readonly string[] KnownFields = ["contentModeration", "promptImage", "promptVideo", "promptText", "keyframes", "videoUri", "duration", "position", "ratio", "model", "seed", "uri"];

    public static HostedFailure Map(VendorResponse answer)
    {
        var text = JsonRead.String(answer.Json, "error") ?? JsonRead.String(answer.Json, "message") ?? (answer.Json is null ? answer.Excerpt : answer.Json.ToJsonString());
        var field = FieldOf(answer.Json, text);
        if (answer.Status == 400 && text.Contains("credit", StringComparison.OrdinalIgnoreCase))
        {
            // Runway bills from prepaid credits (docs.dev.runwayml.com/guides/setup "Add credits"); an empty balance is
            // refused as a 400 whose text speaks of credits.
            return FailureMessages.Failure(Runway, VendorErrorCategory.OutOfCredit, text);
        }

        var category = FailureMessages.FromStatus(answer.Status);
        return FailureMessages.Failure(Runway, category, text, null, category == VendorErrorCategory.InvalidField ? field : null);
    }

    /// <summary>
    /// Task failure codes (runwayml/sdk-python types/task_retrieve_response.py; docs.dev.runwayml.com/errors/task-failures):
    /// dot-separated, most generic first. <c>SAFETY.*</c> is content moderation of inputs or outputs (do not retry);
    /// <c>INTERNAL.BAD_OUTPUT.*</c> a generation rejected for quality; <c>ASSET.INVALID</c> / <c>INPUT_PREPROCESSING.*</c>
    /// an input Runway could not use.
    /// </summary>
    public static VendorErrorCategory CategoryOfFailureCode(string? code)
    {
        if (code is null)
        {
            return VendorErrorCategory.GenerationFailed;
        }

        if (code.StartsWith("SAFETY", StringComparison.Ordinal) || code.Contains(".SAFETY", StringComparison.Ordinal))
        {
            return VendorErrorCategory.ContentPolicy;
        }

        if (code.StartsWith("ASSET", StringComparison.Ordinal) || code.StartsWith("INPUT_PREPROCESSING", StringComparison.Ordinal))
        {
            return VendorErrorCategory.InvalidField;
        }

        return VendorErrorCategory.GenerationFailed;
    }

    private static string? FieldOf(JsonNode? json, string text)
    {
        // Some 400 answers carry a list of issues with a path; otherwise the field appears in the text.
        if (json is JsonObject obj && obj["issues"] is JsonArray issues && issues.Count > 0 && issues[0] is JsonObject issue && issue["path"] is JsonArray path)
        {
            return string.Join('.', path.Select(JsonRead.Text));
        }

        return KnownFields.FirstOrDefault(f => text.Contains(f, StringComparison.Ordinal));
    }
}
