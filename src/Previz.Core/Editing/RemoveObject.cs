namespace Previz.Core.Editing;

/// <summary>Removes an object; refused (by the check of the result) while a parent, aim target or key names it.</summary>
public sealed record RemoveObject : SceneEdit
{
    public required string ObjectId { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var entry = scene.Find("objects", ObjectId, "objectId");
        var inverse = scene.Snapshot("objects");
        scene.Collection("objects")!.Remove(entry);
        return inverse;
    }
}
