using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Previz.Core.Editing;

/// <summary>Adds an object, written as the scene format writes one (its <c>id</c> not taken yet), at a position or last.</summary>
public sealed record AddObject : SceneEdit
{
    /// <summary>The object as the scene format writes it (sent as <c>object</c>).</summary>
    [JsonPropertyName("object")]
    public required JsonObject Entry { get; init; }

    public int? Index { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var entry = scene.NewEntry("objects", Entry, "object");
        var inverse = scene.Snapshot("objects");
        var items = scene.Collection("objects", create: true)!;
        items.Insert(EditableScene.InsertAt(items, Index, "index"), entry);
        return inverse;
    }
}
