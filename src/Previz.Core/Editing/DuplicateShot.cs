using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>
/// Copies a shot right after itself under a new id (<see cref="NewId"/>, or the id with <c>-2</c>, <c>-3</c>… added)
/// and its name with " (copy)".
/// </summary>
public sealed record DuplicateShot : SceneEdit
{
    public required string ShotId { get; init; }

    public string? NewId { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var original = scene.Find("shots", ShotId, "shotId");
        var id = NewId ?? FreeId(scene, ShotId);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new EditRefusedException("newId", "must be a non-empty string");
        }

        if (scene.IndexOf("shots", id) >= 0)
        {
            throw new EditRefusedException("newId", $"the scene already has a shot \"{id}\"");
        }

        var inverse = scene.Snapshot("shots");
        var copy = (JsonObject)original.DeepClone();
        copy["id"] = id;
        if (copy["name"] is JsonValue name && name.TryGetValue<string>(out var text))
        {
            copy["name"] = $"{text} (copy)";
        }

        var items = scene.Collection("shots")!;
        items.Insert(items.IndexOf(original) + 1, copy);
        return inverse;
    }

    private static string FreeId(EditableScene scene, string id)
    {
        for (var n = 2; ; n++)
        {
            var candidate = $"{id}-{n}";
            if (scene.IndexOf("shots", candidate) < 0)
            {
                return candidate;
            }
        }
    }
}
