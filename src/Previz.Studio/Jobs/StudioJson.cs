using System.Text.Json;
using System.Text.Json.Serialization;

namespace Previz.Studio.Jobs;

/// <summary>The JSON settings of stored records and API answers: camelCase, enums by name.</summary>
public static class StudioJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        return options;
    }
}
