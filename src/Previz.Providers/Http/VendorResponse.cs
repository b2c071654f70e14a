using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Previz.Providers.Http;

/// <summary>A vendor's non-success answer, read once, for error mapping.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Headers">Response headers.</param>
/// <param name="Body">The body text (already redacted of keys).</param>
/// <param name="Json">The body parsed as JSON, when it is JSON.</param>
internal sealed record VendorResponse(int Status, HttpResponseHeaders Headers, string Body, JsonNode? Json)
{
    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>A short single-line excerpt of the body for messages.</summary>
    public string Excerpt => TextExcerpt.Of(Body);
}
