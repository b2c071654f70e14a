using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>
/// Sets a key on a track of an object (<c>position</c>, <c>rotation</c>, <c>scale</c>) or a camera (<c>position</c>,
/// <c>rotation</c>, <c>focalLength</c>): a new key in time order, or the one already at that time replaced. The key is
/// written as the scene format writes one (<c>time</c>, <c>value</c> or <c>quaternion</c>, <c>interpolation</c>).
/// </summary>
public sealed record SetKey : SceneEdit
{
    public string? ObjectId { get; init; }

    public string? CameraId { get; init; }

    public required string Track { get; init; }

    public required JsonObject Key { get; init; }

    /// <summary>When set, the key must fall inside this shot (the studio keys at a playhead within one).</summary>
    public string? WithinShot { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var (collection, entry) = EditTarget.Resolve(scene, ObjectId, CameraId);
        KeyTracks.CheckName(collection, Track);
        if (KeyTracks.TimeOf(Key) is not { } time || !double.IsFinite(time))
        {
            throw new EditRefusedException("key.time", "is required (seconds on the scene timeline)");
        }

        if (WithinShot is not null)
        {
            var shot = scene.Find("shots", WithinShot, "withinShot");
            var start = EditableScene.NumberOr(shot, "start", 0);
            var end = start + EditableScene.NumberOr(shot, "duration", 2);
            if (time < start - EditableScene.SameTime || time > end + EditableScene.SameTime)
            {
                throw new EditRefusedException("key.time", $"{EditableScene.Seconds(time)} s is outside shot \"{WithinShot}\", which runs from {EditableScene.Seconds(start)} to {EditableScene.Seconds(end)} s");
            }
        }

        var inverse = scene.Snapshot(collection);
        var keys = KeyTracks.Create(entry, Track);
        var key = (JsonObject)Key.DeepClone();
        var at = KeyTracks.IndexAt(keys, time);
        if (at >= 0)
        {
            // The key keeps the time it had, so keying again at a playhead a hair away never drifts it.
            key["time"] = keys[at]!["time"]!.DeepClone();
            keys[at] = key;
        }
        else
        {
            keys.Insert(KeyTracks.SortedPosition(keys, time), key);
        }

        return inverse;
    }
}
