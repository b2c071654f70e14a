using System.Numerics;

namespace Previz.Core.Characters;

/// <summary>
/// How a mesh moves by itself: morph targets added to <see cref="BindPositions"/>, then linear blend skinning by
/// <see cref="Skin"/>, driven by the clips of <see cref="Rig"/>. The result lies in the space of
/// <see cref="MeshNode"/> (the scene object that carries the mesh), or in the file's space when it is −1.
/// </summary>
/// <param name="Rig">The file's nodes and clips.</param>
/// <param name="MeshNode">The rig node the mesh hangs on, or −1 for the file's own space.</param>
/// <param name="BindPositions">The positions skinning starts from (glTF's mesh positions), one per mesh vertex.</param>
/// <param name="Skin">The skin, or null for a mesh that only morphs.</param>
/// <param name="Morphs">Morph target sets, possibly none.</param>
/// <param name="PlaysAllClipsWithoutAction">
/// Without an action: true plays every clip together on the scene timeline (a whole glTF file), false keeps the rest
/// pose (a mesh referenced by a scene).
/// </param>
public sealed record MeshDeformation(
    Rig Rig,
    int MeshNode,
    Vector3[] BindPositions,
    SkinBinding? Skin,
    IReadOnlyList<MorphSet> Morphs,
    bool PlaysAllClipsWithoutAction)
{
    public int MorphTargetCount => Morphs.Sum(m => m.Targets);
}
