using Previz.Core.Animation;

namespace Previz.Core.Characters;

/// <summary>
/// One animation of a rigged file (a glTF animation: "walk", "run"): the node transforms and morph weights it keys,
/// by node index, over its key time range in seconds.
/// </summary>
public sealed record RigClip(
    string Name,
    double Start,
    double End,
    IReadOnlyDictionary<int, TransformAnimation> Nodes,
    IReadOnlyDictionary<int, WeightTrack> Weights)
{
    public double Length => Math.Max(0, End - Start);
}
