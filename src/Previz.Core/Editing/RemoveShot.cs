namespace Previz.Core.Editing;

/// <summary>Removes a shot from the storyboard (its camera and keys stay).</summary>
public sealed record RemoveShot : SceneEdit
{
    public required string ShotId { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var entry = scene.Find("shots", ShotId, "shotId");
        var inverse = scene.Snapshot("shots");
        scene.Collection("shots")!.Remove(entry);
        return inverse;
    }
}
