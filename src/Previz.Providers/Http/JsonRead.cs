using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Previz.Providers.Http;

/// <summary>Tolerant readers for optional fields of vendor JSON (a wrong type reads as absent).</summary>
internal static class JsonRead
{
    public static string? String(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static int? Int(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var i) ? i : null;

    public static long? Long(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var l) ? l : null;

    public static double? Double(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    public static Uri? AbsoluteUri(JsonNode? node, string name) =>
        String(node, name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : null;

    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
