using System.Text.Json;

namespace Previz.Core.Loading;

/// <summary>
/// Finds the first string or property name that is not text: invalid UTF-8, or an escaped surrogate without its pair.
/// JsonDocument accepts such bytes, and reading them as a string throws, so the loader asks this once before reading.
/// </summary>
internal static class TextCheck
{
    /// <returns>The JSON path of the first such string, or of the object holding such a property name; null when all is text.</returns>
    public static string? FirstInvalid(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(element) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstInvalid(item, $"{path}[{index++}]") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (NameOf(property) is not { } name)
                    {
                        return path;
                    }

                    if (FirstInvalid(property.Value, $"{path}.{name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsText(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
