using System.Text.Json.Nodes;

namespace Previz.Testing;

/// <summary>What the loopback vendor answers.</summary>
public sealed record Reply(int Status, byte[] Body, string? ContentType, IReadOnlyDictionary<string, string>? Headers = null, TimeSpan Delay = default)
{
    public static Reply Json(int status, JsonNode json, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()), "application/json", headers);

    public static Reply Json(JsonNode json) => Json(200, json);

    public static Reply Text(int status, string text, string contentType = "text/plain") =>
        new(status, System.Text.Encoding.UTF8.GetBytes(text), contentType);

    public static Reply Bytes(byte[] body, string contentType) => new(200, body, contentType);

    public static Reply Empty(int status) => new(status, [], null);

    /// <summary>HTTP 429 with <c>Retry-After</c> in seconds, as the vendors rate limit.</summary>
    public static Reply RateLimited(int retryAfterSeconds) =>
        Json(429, new JsonObject { ["detail"] = "Too many requests" }, new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
}
