using System.Text.Json.Nodes;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// One vendor endpoint's input schema as its reference documents it: the fields it has, the ones it requires, and
/// the values each accepts. <see cref="Source"/> names the reference.
/// </summary>
internal sealed record VendorSchema(string Source, IReadOnlyDictionary<string, Func<JsonNode?, bool>> Fields, IReadOnlyList<string> Required)
{
    public static Func<JsonNode?, bool> Text => n => n is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0;

    public static Func<JsonNode?, bool> Url => Text;

    public static Func<JsonNode?, bool> Bool => n => n is JsonValue v && v.TryGetValue<bool>(out _);

    public static Func<JsonNode?, bool> Integer => n => AsLong(n) is not null;

    public static Func<JsonNode?, bool> UrlList(int max) => n => n is JsonArray a && a.Count is > 0 && a.Count <= max && a.All(i => Url(i));

    public static Func<JsonNode?, bool> OneOf(params string[] values) => n => n is JsonValue v && v.TryGetValue<string>(out var s) && values.Contains(s);

    public static Func<JsonNode?, bool> IntegerIn(int min, int max) => n => AsLong(n) is { } i && i >= min && i <= max;

    public static Func<JsonNode?, bool> Exactly(long value) => n => AsLong(n) == value;

    /// <summary>A JSON integer as the vendor reads it (whatever CLR type built the node), else null.</summary>
    public static long? AsLong(JsonNode? n) =>
        n is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number && long.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var i) ? i : null;

    public static string[] Seconds(int min, int max, string suffix = "") => [.. Enumerable.Range(min, max - min + 1).Select(s => s + suffix)];

    /// <summary>Every field of <paramref name="body"/> is one of the schema's with a value it accepts, and every required field is there.</summary>
    public void AssertAccepts(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        foreach (var (field, value) in body)
        {
            Xunit.Assert.True(Fields.TryGetValue(field, out var accepts) && accepts(value), $"\"{field}\" = {value?.ToJsonString()} is not accepted by {Source}");
        }

        Xunit.Assert.All(Required, f => Xunit.Assert.True(body.ContainsKey(f), $"required \"{f}\" is missing ({Source})"));
    }
}
