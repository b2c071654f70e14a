namespace Previz.Core.Characters;

/// <summary>
/// The node tree of a rigged file and its clips. <see cref="Together"/> holds every clip's keys at once (the rule for
/// a whole glTF file: all animations play on one timeline).
/// </summary>
public sealed record Rig(IReadOnlyList<RigNode> Nodes, IReadOnlyList<RigClip> Clips, RigClip Together)
{
    /// <summary>The clip with that name (exact first, then ignoring case), or null.</summary>
    public RigClip? FindClip(string name)
    {
        // Loops, not LINQ: this runs every frame for every posed mesh and should not allocate.
        for (var i = 0; i < Clips.Count; i++)
        {
            if (Clips[i].Name == name)
            {
                return Clips[i];
            }
        }

        for (var i = 0; i < Clips.Count; i++)
        {
            if (string.Equals(Clips[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return Clips[i];
            }
        }

        return null;
    }
}
