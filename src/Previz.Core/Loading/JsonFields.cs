using System.Numerics;
using System.Text.Json;
using Previz.Core.Scenes;

namespace Previz.Core.Loading;

/// <summary>
/// Reads the fields of one JSON object, reporting each missing, mistyped or out-of-range value at its path and
/// warning about fields nobody reads.
/// </summary>
internal sealed class JsonFields
{
    private readonly JsonElement _element;
    private readonly ProblemCollector _problems;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    private JsonFields(JsonElement element, string path, ProblemCollector problems)
    {
        _element = element;
        Path = path;
        _problems = problems;
    }

    public string Path { get; }

    /// <summary>The object at <paramref name="path"/>, or null (with an error) when it is not a JSON object.</summary>
    public static JsonFields? Open(JsonElement element, string path, ProblemCollector problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Error(path, $"expected an object, found {Describe(element)}");
            return null;
        }

        return new JsonFields(element, path, problems);
    }

    public string Child(string name) => $"{Path}.{name}";

    public bool Has(string name)
    {
        _known.Add(name);
        return _element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;
    }

    /// <summary>
    /// The field's value, or null when it is absent. A JSON <c>null</c> is an error at its path (no field of a scene
    /// takes null, except where <see cref="RawOrNull"/> reads it): it would otherwise quietly mean "the default".
    /// </summary>
    public JsonElement? Raw(string name)
    {
        var raw = RawOrNull(name);
        if (raw is { ValueKind: JsonValueKind.Null })
        {
            _problems.Error(Child(name), "is null; give a value or leave the field out");
            return null;
        }

        return raw;
    }

    /// <summary>The field's value, a JSON <c>null</c> included, or null when it is absent.</summary>
    public JsonElement? RawOrNull(string name)
    {
        _known.Add(name);
        return _element.TryGetProperty(name, out var v) ? v : null;
    }

    public JsonFields? Object(string name, bool required = false)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            if (required)
            {
                _problems.Error(Child(name), "is required");
            }

            return null;
        }

        return Open(raw.Value, Child(name), _problems);
    }

    public IEnumerable<(JsonElement Element, string Path)> Array(string name)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return [];
        }

        if (raw.Value.ValueKind != JsonValueKind.Array)
        {
            _problems.Error(Child(name), $"expected an array, found {Describe(raw.Value)}");
            return [];
        }

        var path = Child(name);
        return raw.Value.EnumerateArray().Select((e, i) => (e, $"{path}[{i}]"));
    }

    public string? String(string name, bool required = false)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            if (required)
            {
                _problems.Error(Child(name), "is required");
            }

            return null;
        }

        if (raw.Value.ValueKind != JsonValueKind.String)
        {
            _problems.Error(Child(name), $"expected a string, found {Describe(raw.Value)}");
            return null;
        }

        var text = raw.Value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            _problems.Error(Child(name), "must not be empty");
            return null;
        }

        return text;
    }

    public bool? Boolean(string name)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            return null;
        }

        if (raw.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            _problems.Error(Child(name), $"expected true or false, found {Describe(raw.Value)}");
            return null;
        }

        return raw.Value.GetBoolean();
    }

    /// <summary>A finite number within [min, max] (or above min when <paramref name="exclusiveMin"/>).</summary>
    public double? Number(string name, double min = double.MinValue, double max = double.MaxValue, bool exclusiveMin = false, bool required = false)
    {
        var raw = Raw(name);
        if (raw is null)
        {
            if (required)
            {
                _problems.Error(Child(name), "is required");
            }

            return null;
        }

        return ReadNumber(raw.Value, Child(name), _problems, min, max, exclusiveMin);
    }

    public Vector3? Vector(string name, int length = 3, bool nonZero = false)
    {
        var raw = Raw(name);
        return raw is null ? null : ReadVector3(raw.Value, Child(name), _problems, nonZero);
    }

    public ColorRgb? Color(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!ColorRgb.TryParseHex(text, out var colour))
        {
            _problems.Error(Child(name), $"\"{Clip(text)}\" is not a colour; write it as #rrggbb");
            return null;
        }

        return colour;
    }

    /// <summary>Warns about every field that no reader asked for: usually a typo that would otherwise be ignored.</summary>
    public void WarnUnknownFields()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_known.Contains(property.Name) && property.Name != "$schema" && property.Name != "$comment")
            {
                _problems.Warning(Child(property.Name), "unknown field, ignored");
            }
        }
    }

    public static double? ReadNumber(JsonElement value, string path, ProblemCollector problems, double min = double.MinValue, double max = double.MaxValue, bool exclusiveMin = false)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            problems.Error(path, $"expected a number, found {Describe(value)}");
            return null;
        }

        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            problems.Error(path, "number is not finite (too large to represent)");
            return null;
        }

        if (number < min || (exclusiveMin && number <= min) || number > max)
        {
            var lower = exclusiveMin ? $"greater than {min}" : $"at least {min}";
            var range = max == double.MaxValue ? $"must be {lower}" : $"must be {lower} and at most {max}";
            problems.Error(path, $"{number} is out of range: {range}");
            return null;
        }

        return number;
    }

    public static Vector3? ReadVector3(JsonElement value, string path, ProblemCollector problems, bool nonZero = false)
    {
        var numbers = ReadNumbers(value, path, problems, 3);
        if (numbers is null)
        {
            return null;
        }

        var v = new Vector3((float)numbers[0], (float)numbers[1], (float)numbers[2]);
        if (!float.IsFinite(v.X) || !float.IsFinite(v.Y) || !float.IsFinite(v.Z))
        {
            problems.Error(path, "components are too large");
            return null;
        }

        if (nonZero && v.LengthSquared() == 0)
        {
            problems.Error(path, "must not be the zero vector");
            return null;
        }

        return v;
    }

    public static double[]? ReadNumbers(JsonElement value, string path, ProblemCollector problems, int length)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != length)
        {
            problems.Error(path, $"expected an array of {length} numbers, found {Describe(value)}");
            return null;
        }

        var result = new double[length];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            var n = ReadNumber(item, $"{path}[{i}]", problems);
            if (n is null)
            {
                return null;
            }

            result[i++] = n.Value;
        }

        return result;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"an array of {value.GetArrayLength()}",
        JsonValueKind.String => $"the string \"{Clip(value.GetString() ?? string.Empty)}\"",
        JsonValueKind.Number => $"the number {Clip(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
}
