using System.Globalization;
using System.Text.Json.Nodes;

namespace Previz.Providers.Http;

/// <summary>Writes a value at an RFC 6901 JSON Pointer, creating missing objects and arrays on the way.</summary>
internal static class JsonPointer
{
    public static void Set(JsonObject root, string pointer, JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (string.IsNullOrEmpty(pointer) || pointer[0] != '/')
        {
            throw new ArgumentException($"'{pointer}' is not a JSON Pointer (it must start with '/').", nameof(pointer));
        }

        var segments = pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        JsonNode current = root;
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            JsonNode? NewChild() => last ? value : IsIndex(segments[i + 1]) ? new JsonArray() : new JsonObject();

            switch (current)
            {
                case JsonObject obj:
                    if (last || obj[segment] is null)
                    {
                        obj[segment] = NewChild();
                    }

                    current = obj[segment]!;
                    break;
                case JsonArray array:
                    var index = segment == "-" ? array.Count : ParseIndex(segment, pointer);
                    if (index > array.Count)
                    {
                        throw new ArgumentException($"JSON Pointer '{pointer}' skips array positions.", nameof(pointer));
                    }

                    if (index == array.Count)
                    {
                        array.Add(NewChild());
                    }
                    else if (last)
                    {
                        array[index] = value;
                    }

                    current = array[index]!;
                    break;
                default:
                    throw new ArgumentException($"JSON Pointer '{pointer}' goes through a value that is not an object or array.", nameof(pointer));
            }
        }
    }

    private static bool IsIndex(string segment) => segment == "-" || (segment.Length > 0 && segment.All(char.IsAsciiDigit));

    private static int ParseIndex(string segment, string pointer) =>
        IsIndex(segment) ? int.Parse(segment, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new ArgumentException($"JSON Pointer '{pointer}' uses '{segment}' as an array index.", nameof(pointer));
}
