using System.Numerics;
using Previz.Core.Characters;
using SharpGLTF.Schema2;

namespace Previz.Import.Reading;

/// <summary>
/// Builds what moves a mesh by itself: the file's rig (every node with its rest transform, every animation as a clip),
/// and per mesh node its skin binding (joints, inverse bind matrices, per-vertex joints and weights) and morph
/// targets. Skin data is checked here, one readable error per problem: a joint outside the skin, a skin joint that is
/// not in the scene, inverse bind matrices of the wrong count. Weights that do not sum to one are normalised; a vertex
/// with no weight at all follows the skin's first joint.
/// </summary>
internal sealed class DeformationReader(ModelRoot model, IReadOnlyList<ClipTracks> clips, Dictionary<int, NodeTracks> merged, ISet<int> inScene, string fileName)
{
    private Rig? _rig;

    /// <summary>The file's nodes and clips (built on first use: files without skins or morphs never need it).</summary>
    public Rig Rig => _rig ??= new Rig(
        [.. model.LogicalNodes.Select(n => new RigNode(n.Name, n.VisualParent?.LogicalIndex ?? -1, SceneAssembler.TransformOf(n)))],
        [.. clips.Select(c => c.ToClip())],
        ClipTracks.Together(clips, merged));

    /// <summary>The deformation of a mesh node in its own space, or null when its mesh neither has a skin nor morph targets.</summary>
    public MeshDeformation? For(Node node, MeshData data)
    {
        var attributes = data.Attributes;
        var skin = node.Skin is { } s && attributes.Joints is not null ? Binding(s, attributes, node) : null;
        MorphSet[] morphs = attributes.MorphDeltas.Length > 0 ? [new MorphSet(node.LogicalIndex, 0, DefaultWeights(node, attributes.MorphDeltas.Length), attributes.MorphDeltas)] : [];
        if (skin is null && morphs.Length == 0)
        {
            return null;
        }

        return new MeshDeformation(Rig, node.LogicalIndex, data.Mesh.Positions, skin, morphs, PlaysAllClipsWithoutAction: true);
    }

    private SkinBinding Binding(Skin skin, VertexAttributes attributes, Node node)
    {
        var label = skin.Name is { Length: > 0 } n ? $"skins[{skin.LogicalIndex}] \"{n}\"" : $"skins[{skin.LogicalIndex}]";
        var jointNodes = skin.Joints.Select(j => j.LogicalIndex).ToArray();
        if (jointNodes.Length == 0)
        {
            throw new GltfImportException(fileName, $"{label} has no joints.");
        }

        for (var j = 0; j < jointNodes.Length; j++)
        {
            if (!inScene.Contains(jointNodes[j]))
            {
                var name = model.LogicalNodes[jointNodes[j]].Name is { Length: > 0 } jn ? $" \"{jn}\"" : string.Empty;
                throw new GltfImportException(fileName, $"{label} joint {j} (nodes[{jointNodes[j]}]{name}) is not in the scene, so nothing places it: add it to the scene's node tree.");
            }
        }

        var inverseBind = new Matrix4x4[jointNodes.Length];
        if (skin.GetInverseBindMatricesAccessor() is { } accessor)
        {
            var values = AccessorReader.ReadFloats(accessor, 16, $"{label} inverseBindMatrices", fileName);
            if (values.Length / 16 != jointNodes.Length)
            {
                throw new GltfImportException(fileName, $"{label} has {jointNodes.Length} joints but its inverseBindMatrices (accessors[{accessor.LogicalIndex}]) hold {values.Length / 16} matrices: one per joint is needed.");
            }

            for (var j = 0; j < inverseBind.Length; j++)
            {
                // glTF matrices are column-major for column vectors: read in order, they are System.Numerics' row-vector form.
                var m = values.AsSpan(16 * j, 16);
                inverseBind[j] = new Matrix4x4(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11], m[12], m[13], m[14], m[15]);
            }
        }
        else
        {
            Array.Fill(inverseBind, Matrix4x4.Identity);
        }

        var influences = attributes.Influences;
        var joints = (int[])attributes.Joints!.Clone();
        var weights = (float[])attributes.Weights!.Clone();
        var meshLabel = node.Mesh is { } mesh ? (mesh.Name is { Length: > 0 } mn ? $"mesh \"{mn}\"" : $"meshes[{mesh.LogicalIndex}]") : "the mesh";
        for (var v = 0; v < attributes.VertexCount; v++)
        {
            var o = v * influences;
            var sum = 0f;
            for (var k = 0; k < influences; k++)
            {
                if (weights[o + k] > 0 && joints[o + k] >= jointNodes.Length)
                {
                    throw new GltfImportException(fileName, $"{meshLabel} vertex {v} is weighted to joint {joints[o + k]} (JOINTS_{k / 4}), but {label} has only {jointNodes.Length} joints.");
                }

                if (joints[o + k] >= jointNodes.Length)
                {
                    joints[o + k] = 0; // a slot with no weight: any joint will do
                }

                sum += weights[o + k];
            }

            if (sum <= 0)
            {
                joints[o] = 0;
                weights[o] = 1;
                continue;
            }

            if (MathF.Abs(sum - 1) > 1e-6f)
            {
                for (var k = 0; k < influences; k++)
                {
                    weights[o + k] /= sum;
                }
            }
        }

        return new SkinBinding(jointNodes, inverseBind, influences, joints, weights);
    }

    private static float[] DefaultWeights(Node node, int targets)
    {
        // A node's own weights override its mesh's (glTF 2.0 §3.7.2.2); none means all zero.
        var weights = node.MorphWeights is { Count: > 0 } own ? own : node.Mesh?.MorphWeights;
        var result = new float[targets];
        for (var t = 0; t < Math.Min(targets, weights?.Count ?? 0); t++)
        {
            result[t] = float.IsFinite(weights![t]) ? weights[t] : 0;
        }

        return result;
    }
}
