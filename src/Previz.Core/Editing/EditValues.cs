using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>Turns an operation's typed values into the scene format's JSON, refusing what is not a finite number.</summary>
internal static class EditValues
{
    public static JsonArray Numbers(double[]? values, int length, string field)
    {
        if (values is null || values.Length != length)
        {
            throw new EditRefusedException(field, $"expected {length} numbers");
        }

        var array = new JsonArray();
        foreach (var v in values)
        {
            array.Add(JsonValue.Create(Finite(v, field)));
        }

        return array;
    }

    public static double Finite(double value, string field) =>
        double.IsFinite(value) ? value : throw new EditRefusedException(field, "must be a finite number");

    /// <summary>Sets or removes a text field: blank text removes it, as an empty name means none.</summary>
    public static void SetText(JsonObject entry, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            entry.Remove(field);
        }
        else
        {
            entry[field] = value.Trim();
        }
    }

    /// <summary>Removes each field named in an operation's <c>clear</c> list, refusing names it may not clear.</summary>
    public static void Clear(JsonObject entry, IReadOnlyList<string>? fields, IReadOnlySet<string> allowed)
    {
        if (fields is null)
        {
            return;
        }

        for (var i = 0; i < fields.Count; i++)
        {
            if (!allowed.Contains(fields[i]))
            {
                throw new EditRefusedException($"clear[{i}]", $"\"{fields[i]}\" cannot be cleared; use {string.Join(", ", allowed)}");
            }

            entry.Remove(fields[i]);
        }
    }

    /// <summary>The object at <paramref name="field"/> of <paramref name="entry"/>, created when absent.</summary>
    public static JsonObject Child(JsonObject entry, string field)
    {
        if (entry[field] is JsonObject child)
        {
            return child;
        }

        var made = new JsonObject();
        entry[field] = made;
        return made;
    }
}
