using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Previz.Cli.Console;

namespace Previz.Cli.Commands;

/// <summary>Writes machine-readable results: indented JSON, camelCase, enums as strings, straight to stdout.</summary>
public static class CliJson
{
    private static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static void Write(Output output, object value)
    {
        ArgumentNullException.ThrowIfNull(output);
        // Not through Spectre's renderer: JSON must not be wrapped at the console width.
        output.Out.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Options));
    }
}
