namespace Previz.Core.Editing;

/// <summary>Moves a key to another time (dragging it on the timeline); refused onto a time that already has a key.</summary>
public sealed record MoveKey : SceneEdit
{
    public string? ObjectId { get; init; }

    public string? CameraId { get; init; }

    public required string Track { get; init; }

    public required double Time { get; init; }

    public required double To { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var (collection, entry) = EditTarget.Resolve(scene, ObjectId, CameraId);
        KeyTracks.CheckName(collection, Track);
        var to = EditValues.Finite(To, "to");
        var (keys, index) = KeyTracks.Find(entry, Track, Time, "time");
        var other = KeyTracks.IndexAt(keys, to);
        if (other >= 0 && other != index)
        {
            throw new EditRefusedException("to", $"the {Track} track already has a key at {EditableScene.Seconds(to)} s");
        }

        var inverse = scene.Snapshot(collection);
        var key = keys[index]!.AsObject();
        keys.RemoveAt(index);
        key["time"] = to;
        keys.Insert(KeyTracks.SortedPosition(keys, to), key);
        return inverse;
    }
}
