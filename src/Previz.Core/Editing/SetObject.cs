using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>
/// Sets what an object is: its name, description, hero flag, colour, size, reference pictures and, for a mesh from a
/// file with clips, the <see cref="Action"/> it plays. Fields left out stay; <see cref="Clear"/> removes optional ones
/// (clearing "action" brings back the file's default: no clip chosen).
/// </summary>
public sealed record SetObject : SceneEdit
{
    private static readonly HashSet<string> Clearable = new(StringComparer.Ordinal) { "name", "description", "color", "size", "references", "action" };

    public required string ObjectId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public bool? Hero { get; init; }

    /// <summary><c>#rrggbb</c>.</summary>
    public string? Color { get; init; }

    /// <summary>Width, height, depth in metres.</summary>
    public double[]? Size { get; init; }

    /// <summary>Reference pictures as the scene format writes them (<c>{ "path", "view" }</c>).</summary>
    public JsonArray? References { get; init; }

    /// <summary>
    /// The clip of its mesh file the object plays, from when, how fast, looping or not; written as the scene format's
    /// <c>"action"</c>. Whether the clip exists is checked by the scene reader (<see cref="Loading.SceneReadOptions.MeshClips"/>).
    /// </summary>
    public Characters.ClipAction? Action { get; init; }

    public IReadOnlyList<string>? Clear { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var entry = scene.Find("objects", ObjectId, "objectId");
        var inverse = scene.Snapshot("objects");
        if (Name is not null)
        {
            EditValues.SetText(entry, "name", Name);
        }

        if (Description is not null)
        {
            EditValues.SetText(entry, "description", Description);
        }

        if (Hero is { } hero)
        {
            // false is the format's default: leave the field out rather than write it.
            if (hero)
            {
                entry["hero"] = true;
            }
            else
            {
                entry.Remove("hero");
            }
        }

        if (Color is not null)
        {
            entry["color"] = Color.Trim();
        }

        if (Size is not null)
        {
            entry["size"] = EditValues.Numbers(Size, 3, "size");
        }

        if (References is not null)
        {
            entry["references"] = References.DeepClone();
        }

        if (Action is { } action)
        {
            entry["action"] = new JsonObject
            {
                ["clip"] = action.Clip,
                ["start"] = EditValues.Finite(action.Start, "action.start"),
                ["speed"] = EditValues.Finite(action.Speed, "action.speed"),
                ["loop"] = action.Loop,
            };
        }

        EditValues.Clear(entry, Clear, Clearable);
        return inverse;
    }
}
