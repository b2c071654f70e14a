using System.Numerics;
using Previz.Core.Scenes;

namespace Previz.Core.Animation;

/// <summary>Keyframed position, rotation and scale of an object; an empty track keeps the rest transform.</summary>
public sealed record TransformAnimation(Vector3Track Position, QuaternionTrack Rotation, Vector3Track Scale)
{
    public static TransformAnimation None { get; } = new(new([]), new([]), new([]));

    public bool IsAnimated => !Position.IsEmpty || !Rotation.IsEmpty || !Scale.IsEmpty;

    public Transform Sample(double time, Transform rest) => new(
        Position.Sample(time, rest.Position),
        Rotation.Sample(time, rest.Rotation),
        Scale.Sample(time, rest.Scale));

    /// <summary>First and last key times over all tracks, or null when nothing is keyed.</summary>
    public (double Start, double End)? TimeRange()
    {
        var times = Position.Keys.Select(k => k.Time)
            .Concat(Rotation.Keys.Select(k => k.Time))
            .Concat(Scale.Keys.Select(k => k.Time))
            .ToList();
        return times.Count == 0 ? null : (times.Min(), times.Max());
    }
}
