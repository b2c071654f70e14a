namespace Previz.Core.Editing;

/// <summary>Deletes the key at a time from a track; an emptied track (and animation block) goes with it.</summary>
public sealed record DeleteKey : SceneEdit
{
    public string? ObjectId { get; init; }

    public string? CameraId { get; init; }

    public required string Track { get; init; }

    public required double Time { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var (collection, entry) = EditTarget.Resolve(scene, ObjectId, CameraId);
        KeyTracks.CheckName(collection, Track);
        var (keys, index) = KeyTracks.Find(entry, Track, Time, "time");
        var inverse = scene.Snapshot(collection);
        keys.RemoveAt(index);
        KeyTracks.Prune(entry, Track);
        return inverse;
    }
}
