using Previz.Core.Animation;
using Previz.Core.Characters;

namespace Previz.Import.Reading;

/// <summary>The keys of one glTF animation, gathered per node before they become a <see cref="RigClip"/>.</summary>
internal sealed class ClipTracks(string name)
{
    public string Name { get; } = name;

    public double Start { get; set; }

    public double End { get; set; }

    public Dictionary<int, NodeTracks> Nodes { get; } = [];

    public Dictionary<int, WeightTrack> Weights { get; } = [];

    public RigClip ToClip() => new(
        Name,
        Start,
        End,
        Nodes.ToDictionary(n => n.Key, n => n.Value.ToAnimation()),
        new Dictionary<int, WeightTrack>(Weights));

    /// <summary>Every clip at once on one timeline (a whole file's rule); a node's weights come from the last clip that keys them.</summary>
    public static RigClip Together(IReadOnlyList<ClipTracks> clips, Dictionary<int, NodeTracks> merged) => new(
        "(all)",
        clips.Count == 0 ? 0 : clips.Min(c => c.Start),
        clips.Count == 0 ? 0 : clips.Max(c => c.End),
        merged.ToDictionary(n => n.Key, n => n.Value.ToAnimation()),
        clips.SelectMany(c => c.Weights).GroupBy(w => w.Key).ToDictionary(g => g.Key, g => g.Last().Value));
}
