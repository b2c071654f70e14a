using System.Numerics;
using System.Runtime.InteropServices;
using Previz.Core.Characters;
using SharpGLTF.Memory;
using SharpGLTF.Schema2;
using PrevizMesh = Previz.Core.Geometry.Mesh;

namespace Previz.Import.Writing;

/// <summary>
/// Writes what a live view needs to deform a mesh itself, per vertex of the packed mesh (the mesh's own vertex order):
/// the four strongest skin influences (renormalised: a shader takes four; Direct Render keeps every influence) and the
/// morph targets' position offsets. Joint slots index <see cref="SkinBinding.JointNodes"/>, the order in which the view
/// receives the joint matrices.
/// </summary>
internal static class DeformBuffers
{
    private const int Slots = 4;

    public static Dictionary<PrevizMesh, DeformAccessors> Pack(ModelRoot model, IEnumerable<PrevizMesh> meshes)
    {
        var result = new Dictionary<PrevizMesh, DeformAccessors>(ReferenceEqualityComparer.Instance);
        foreach (var mesh in meshes)
        {
            if (mesh.Deformation is not { } deformation)
            {
                continue;
            }

            var n = deformation.BindPositions.Length;
            Accessor? joints = null, weights = null;
            if (deformation.Skin is { } skin)
            {
                var slots = new ushort[n * Slots];
                var strengths = new float[n * Slots];
                Strongest(skin, slots, strengths);
                joints = Attribute(model, MemoryMarshal.AsBytes(slots.AsSpan()).ToArray(), n, new AttributeFormat(DimensionType.VEC4, EncodingType.UNSIGNED_SHORT));
                weights = Attribute(model, MemoryMarshal.AsBytes(strengths.AsSpan()).ToArray(), n, AttributeFormat.Float4);
            }

            var morphs = new List<Accessor>();
            foreach (var set in deformation.Morphs)
            {
                foreach (var target in set.Deltas)
                {
                    // A target covers its part's vertices only: the rest of the merged mesh does not move.
                    var deltas = new Vector3[n];
                    target.AsSpan(0, Math.Min(target.Length, n - set.VertexStart)).CopyTo(deltas.AsSpan(set.VertexStart));
                    var accessor = Attribute(model, MemoryMarshal.AsBytes(deltas.AsSpan()).ToArray(), n, AttributeFormat.Float3);
                    // glTF requires bounds on a morph target's POSITION.
                    accessor.UpdateBounds();
                    morphs.Add(accessor);
                }
            }

            result[mesh] = new DeformAccessors(joints, weights, morphs);
        }

        return result;
    }

    /// <summary>Per vertex the <see cref="Slots"/> heaviest influences, their weights scaled to sum to one.</summary>
    private static void Strongest(SkinBinding skin, Span<ushort> slots, Span<float> strengths)
    {
        var influences = skin.Influences;
        var vertices = slots.Length / Slots;
        for (var v = 0; v < vertices; v++)
        {
            var into = strengths.Slice(v * Slots, Slots);
            var joints = slots.Slice(v * Slots, Slots);
            for (var k = 0; k < influences; k++)
            {
                var w = skin.Weights[(v * influences) + k];
                // Insert into the sorted four, dropping the lightest.
                var at = Slots;
                while (at > 0 && w > into[at - 1])
                {
                    at--;
                }

                if (at == Slots)
                {
                    continue;
                }

                for (var s = Slots - 1; s > at; s--)
                {
                    into[s] = into[s - 1];
                    joints[s] = joints[s - 1];
                }

                into[at] = w;
                joints[at] = (ushort)skin.Joints[(v * influences) + k];
            }

            var sum = into[0] + into[1] + into[2] + into[3];
            if (sum > 0)
            {
                for (var s = 0; s < Slots; s++)
                {
                    into[s] /= sum;
                }
            }
        }
    }

    private static Accessor Attribute(ModelRoot model, byte[] data, int count, AttributeFormat format)
    {
        var view = model.UseBufferView(data, 0, null, 0, BufferMode.ARRAY_BUFFER);
        var accessor = model.CreateAccessor();
        accessor.SetVertexData(view, 0, count, format);
        return accessor;
    }
}
