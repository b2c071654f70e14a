using Previz.Core.Characters;

namespace Previz.Import;

/// <summary>A mesh that moves by itself (a skinned character or a morphing mesh): its object, rig and clips, for <c>scene info</c>.</summary>
/// <param name="ObjectId">The scene object that shows the mesh.</param>
/// <param name="Joints">Joints of its skin (0 without one).</param>
/// <param name="MorphTargets">Its morph targets.</param>
/// <param name="Clips">The file's clips by name with their key time ranges, in the file's order.</param>
public sealed record GltfCharacterInfo(string ObjectId, int Joints, int MorphTargets, IReadOnlyList<(string Name, double Start, double End)> Clips)
{
    public static GltfCharacterInfo Of(string objectId, MeshDeformation deformation)
    {
        ArgumentNullException.ThrowIfNull(deformation);
        return new GltfCharacterInfo(
            objectId,
            deformation.Skin?.JointNodes.Length ?? 0,
            deformation.MorphTargetCount,
            [.. deformation.Rig.Clips.Select(c => (c.Name, c.Start, c.End))]);
    }
}
