namespace Previz.Core.Editing;

/// <summary>Sets how the key at a time moves on to the next one: <c>smooth</c>, <c>linear</c> or <c>step</c>.</summary>
public sealed record SetKeyInterpolation : SceneEdit
{
    private static readonly string[] Kinds = ["smooth", "linear", "step"];

    public string? ObjectId { get; init; }

    public string? CameraId { get; init; }

    public required string Track { get; init; }

    public required double Time { get; init; }

    public required string Interpolation { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var (collection, entry) = EditTarget.Resolve(scene, ObjectId, CameraId);
        KeyTracks.CheckName(collection, Track);
        if (!Kinds.Contains(Interpolation, StringComparer.Ordinal))
        {
            throw new EditRefusedException("interpolation", $"\"{Interpolation}\" is not an interpolation; use {string.Join(", ", Kinds)}");
        }

        var (keys, index) = KeyTracks.Find(entry, Track, Time, "time");
        var inverse = scene.Snapshot(collection);
        keys[index]!["interpolation"] = Interpolation;
        return inverse;
    }
}
