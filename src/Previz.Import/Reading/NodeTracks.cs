using System.Numerics;
using Previz.Core.Animation;

namespace Previz.Import.Reading;

/// <summary>The keys that all animations put on one node, gathered before they become a TransformAnimation.</summary>
internal sealed class NodeTracks
{
    public List<Keyframe<Vector3>> Translation { get; } = [];

    public List<Keyframe<Quaternion>> Rotation { get; } = [];

    public List<Keyframe<Vector3>> Scale { get; } = [];

    public TransformAnimation ToAnimation() => new(
        new Vector3Track(Sorted(Translation)),
        new QuaternionTrack(Sorted(Rotation)),
        new Vector3Track(Sorted(Scale)));

    // Stable sort: keys of one animation stay in order; several animations on one node interleave by time.
    private static List<Keyframe<T>> Sorted<T>(List<Keyframe<T>> keys)
        where T : struct => [.. keys.OrderBy(k => k.Time)];
}
