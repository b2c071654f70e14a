using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>An edit of one track's keys on an object or a camera: exactly one of the two ids, and the track's name.</summary>
public abstract record KeyEdit : SceneEdit
{
    public string? ObjectId { get; init; }

    public string? CameraId { get; init; }

    /// <summary>Objects: <c>position</c>, <c>rotation</c>, <c>scale</c>; cameras: <c>position</c>, <c>rotation</c>, <c>focalLength</c>.</summary>
    public required string Track { get; init; }

    /// <summary>The collection and entry the edit is for, refusing a track that target does not have.</summary>
    internal (string Collection, JsonObject Entry) Target(EditableScene scene)
    {
        var (collection, entry) = EditTarget.Resolve(scene, ObjectId, CameraId);
        KeyTracks.CheckName(collection, Track);
        return (collection, entry);
    }
}
