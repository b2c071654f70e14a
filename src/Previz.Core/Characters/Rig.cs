namespace Previz.Core.Characters;

/// <summary>
/// The node tree of a rigged file and its clips. <see cref="Together"/> holds every clip's keys at once (the rule for
/// a whole glTF file: all animations play on one timeline).
/// </summary>
public sealed record Rig(IReadOnlyList<RigNode> Nodes, IReadOnlyList<RigClip> Clips, RigClip Together)
{
    /// <summary>The clip with that name (exact first, then ignoring case), or null.</summary>
    public RigClip? FindClip(string name) =>
        Clips.FirstOrDefault(c => c.Name == name) ?? Clips.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
