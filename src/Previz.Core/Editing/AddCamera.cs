using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>Adds a camera, written as the scene format writes one (its <c>id</c> not taken yet), at a position or last.</summary>
public sealed record AddCamera : SceneEdit
{
    public required JsonObject Camera { get; init; }

    public int? Index { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var entry = scene.NewEntry("cameras", Camera, "camera");
        var inverse = scene.Snapshot("cameras");
        var items = scene.Collection("cameras", create: true)!;
        items.Insert(EditableScene.InsertAt(items, Index, "index"), entry);
        return inverse;
    }
}
