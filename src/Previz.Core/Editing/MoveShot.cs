namespace Previz.Core.Editing;

/// <summary>Moves a shot to another place on the storyboard (0 is first).</summary>
public sealed record MoveShot : SceneEdit
{
    public required string ShotId { get; init; }

    public required int Index { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var entry = scene.Find("shots", ShotId, "shotId");
        var items = scene.Collection("shots")!;
        if (Index < 0 || Index >= items.Count)
        {
            throw new EditRefusedException("index", $"{Index} is not a place on a storyboard of {items.Count} shots");
        }

        var inverse = scene.Snapshot("shots");
        items.Remove(entry);
        items.Insert(Index, entry);
        return inverse;
    }
}
