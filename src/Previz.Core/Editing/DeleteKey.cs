namespace Previz.Core.Editing;

/// <summary>Deletes the key at a time from a track; an emptied track (and animation block) goes with it.</summary>
public sealed record DeleteKey : KeyEdit
{
    public required double Time { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var (collection, entry) = Target(scene);
        var (keys, index) = KeyTracks.Find(entry, Track, Time, "time");
        var inverse = scene.Snapshot(collection);
        keys.RemoveAt(index);
        KeyTracks.Prune(entry, Track);
        return inverse;
    }
}
