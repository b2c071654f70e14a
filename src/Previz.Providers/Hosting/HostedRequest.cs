using System.Text.Json.Nodes;

namespace Previz.Providers.Hosting;

/// <summary>
/// One generation as the vendor will receive it: the endpoint and the request body already built by the mapping layer
/// (catalog entry + options), plus files to upload whose URLs are written into named body fields.
/// </summary>
/// <param name="Provider">Which client serves it.</param>
/// <param name="Endpoint">
/// fal: the endpoint id (<c>fal-ai/kling-video/v2.1/pro/image-to-video</c>). Runway: the path under <c>/v1/</c>
/// (<c>image_to_video</c>). Luma: the path under the base URL (<c>generations</c>).
/// </param>
/// <param name="Body">The vendor's JSON body. It is copied before files are substituted, never changed.</param>
public sealed record HostedRequest(HostedProvider Provider, string Endpoint, JsonObject Body)
{
    /// <summary>Files to upload or encode into the body.</summary>
    public IReadOnlyList<HostedInputFile> Files { get; init; } = [];

    /// <summary>
    /// A key that identifies this submission in the job store. No vendor of the three documents an idempotency header
    /// for these endpoints, so it is not sent; it travels in logs and in <see cref="Errors.SubmitOutcomeUnknownException"/>
    /// so a user checking the vendor's dashboard can match the request.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>fal only: a URL fal calls when the request completes (<c>?fal_webhook=</c>).</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>Names the request without its body (bodies carry user prompts and are not logged whole).</summary>
    public override string ToString() =>
        $"HostedRequest {{ Provider = {Provider}, Endpoint = {Endpoint}, Fields = [{string.Join(", ", Body.Select(p => p.Key))}], Files = {Files.Count}, IdempotencyKey = {IdempotencyKey ?? "none"} }}";
}
