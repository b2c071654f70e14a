using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>
/// The JSON of a scene while edits apply to it. Edits change the document's own fields rather than a model written back,
/// so everything an edit does not touch (unknown fields, number spelling, field order) stays as it was.
/// </summary>
internal sealed class EditableScene(JsonObject root)
{
    /// <summary>Two key times this close are the same key: far below a frame at any frame rate.</summary>
    public const double SameTime = 1e-4;

    public JsonObject Root { get; } = root;

    /// <summary>The edit that restores top-level fields (<c>objects</c>, <c>shots</c>, <c>name</c>…) as they are now.</summary>
    public RestoreFields Snapshot(params string[] fields) => RestoreFields.Of(Root, fields);

    /// <summary>The array of <paramref name="collection"/>, created empty when asked and absent.</summary>
    public JsonArray? Collection(string collection, bool create = false)
    {
        if (Root[collection] is JsonArray items)
        {
            return items;
        }

        if (!create)
        {
            return null;
        }

        var made = new JsonArray();
        Root[collection] = made;
        return made;
    }

    public int IndexOf(string collection, string id)
    {
        if (Collection(collection) is not { } items)
        {
            return -1;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (IdOf(items[i]) == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The entry of <paramref name="collection"/> with this id.</summary>
    /// <exception cref="EditRefusedException">No such entry; <paramref name="field"/> names the operation's id field.</exception>
    public JsonObject Find(string collection, string? id, string field)
    {
        var index = id is null ? -1 : IndexOf(collection, id);
        if (index < 0 || Collection(collection)![index] is not JsonObject entry)
        {
            throw new EditRefusedException(field, id is null ? "is required" : $"the scene has no {Singular(collection)} \"{id}\"");
        }

        return entry;
    }

    /// <summary>A new entry for <paramref name="collection"/> from an operation: an object with an id not taken yet.</summary>
    public JsonObject NewEntry(string collection, JsonObject? entry, string field)
    {
        if (entry is null)
        {
            throw new EditRefusedException(field, "is required");
        }

        var id = IdOf(entry);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new EditRefusedException($"{field}.id", "is required (a non-empty string)");
        }

        if (IndexOf(collection, id) >= 0)
        {
            throw new EditRefusedException($"{field}.id", $"the scene already has a {Singular(collection)} \"{id}\"");
        }

        return (JsonObject)entry.DeepClone();
    }

    /// <summary>Checks an insert position: absent means the end.</summary>
    public static int InsertAt(JsonArray items, int? index, string field) => index switch
    {
        null => items.Count,
        { } i when i >= 0 && i <= items.Count => i,
        { } i => throw new EditRefusedException(field, $"{i} is not a position in a list of {items.Count}"),
    };

    public static string? IdOf(JsonNode? node) =>
        node is JsonObject o && o["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>A number field as written, or the default the scene format gives it.</summary>
    public static double NumberOr(JsonObject entry, string field, double fallback) =>
        entry[field] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : fallback;

    public static string Seconds(double t) => t.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Singular(string collection) => collection switch
    {
        "objects" => "object",
        "cameras" => "camera",
        "shots" => "shot",
        _ => collection,
    };
}
