using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>Adds a shot, written as the scene format writes one (its <c>id</c> not taken yet), at a storyboard position or last.</summary>
public sealed record AddShot : SceneEdit
{
    public required JsonObject Shot { get; init; }

    public int? Index { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var entry = scene.NewEntry("shots", Shot, "shot");
        var inverse = scene.Snapshot("shots");
        var items = scene.Collection("shots", create: true)!;
        items.Insert(EditableScene.InsertAt(items, Index, "index"), entry);
        return inverse;
    }
}
