using System.Numerics;
using System.Runtime.InteropServices;
using SharpGLTF.Schema2;
using PrevizMesh = Previz.Core.Geometry.Mesh;

namespace Previz.Import.Writing;

/// <summary>
/// Packs meshes into one glTF buffer: positions and normals of every mesh in one vertex view, indices in one index view,
/// so a scene costs two buffer views and three accessors per distinct mesh whatever its size. Normals are the
/// area-weighted average of the faces on each vertex, so vertices the mesh shares round smoothly (a sphere) and faces
/// with their own corners stay flat (a box).
/// </summary>
internal static class MeshBuffers
{
    /// <param name="model">The model to add the buffer to.</param>
    /// <param name="meshes">The distinct meshes.</param>
    /// <param name="bindPositions">
    /// Write a deforming mesh's <see cref="Core.Characters.MeshDeformation.BindPositions"/> (for a viewer that skins and
    /// morphs them itself) rather than its rest positions.
    /// </param>
    public static Dictionary<PrevizMesh, MeshAccessors> Pack(ModelRoot model, IReadOnlyCollection<PrevizMesh> meshes, bool bindPositions = false)
    {
        var result = new Dictionary<PrevizMesh, MeshAccessors>(ReferenceEqualityComparer.Instance);
        if (meshes.Count == 0)
        {
            return result;
        }

        long vertexBytes = 0, indexBytes = 0;
        foreach (var mesh in meshes)
        {
            vertexBytes += 2L * 12 * mesh.Positions.Length;
            indexBytes += 4L * (mesh.Indices.Length - (mesh.Indices.Length % 3));
        }

        if (vertexBytes + indexBytes > int.MaxValue)
        {
            throw new InvalidOperationException($"The scene's meshes need {vertexBytes + indexBytes} bytes, more than one glTF buffer holds.");
        }

        var data = GC.AllocateUninitializedArray<byte>((int)(vertexBytes + indexBytes));
        var buffer = model.UseBuffer(data);
        // Several attributes share the vertex view, so glTF wants its stride spelled out.
        var vertexView = model.UseBufferView(buffer, 0, (int)vertexBytes, 12, BufferMode.ARRAY_BUFFER);
        var indexView = model.UseBufferView(buffer, (int)vertexBytes, (int)indexBytes, 0, BufferMode.ELEMENT_ARRAY_BUFFER);
        int vertexAt = 0, indexAt = 0;
        foreach (var mesh in meshes)
        {
            var n = mesh.Positions.Length;
            var m = mesh.Indices.Length - (mesh.Indices.Length % 3);
            var positions = MemoryMarshal.Cast<byte, Vector3>(data.AsSpan(vertexAt, 12 * n));
            var normals = MemoryMarshal.Cast<byte, Vector3>(data.AsSpan(vertexAt + (12 * n), 12 * n));
            var indices = MemoryMarshal.Cast<byte, int>(data.AsSpan((int)vertexBytes + indexAt, 4 * m));
            (bindPositions && mesh.Deformation is { } deformation ? deformation.BindPositions : mesh.Positions).CopyTo(positions);
            mesh.Indices.AsSpan(0, m).CopyTo(indices);
            SmoothNormals(positions, indices, normals);

            var position = model.CreateAccessor();
            position.SetVertexData(vertexView, vertexAt, n, SharpGLTF.Memory.AttributeFormat.Float3);
            position.UpdateBounds();
            var normal = model.CreateAccessor();
            normal.SetVertexData(vertexView, vertexAt + (12 * n), n, SharpGLTF.Memory.AttributeFormat.Float3);
            var index = model.CreateAccessor();
            index.SetIndexData(indexView, indexAt, m, IndexEncodingType.UNSIGNED_INT);
            result[mesh] = new MeshAccessors(position, normal, index);
            vertexAt += 24 * n;
            indexAt += 4 * m;
        }

        return result;
    }

    /// <summary>Each vertex's normal: the sum of its faces' area-weighted normals, normalised (+Y where none).</summary>
    internal static void SmoothNormals(ReadOnlySpan<Vector3> positions, ReadOnlySpan<int> indices, Span<Vector3> normals)
    {
        normals.Clear();
        for (var t = 0; t + 2 < indices.Length; t += 3)
        {
            int a = indices[t], b = indices[t + 1], c = indices[t + 2];
            var face = Vector3.Cross(positions[b] - positions[a], positions[c] - positions[a]);
            normals[a] += face;
            normals[b] += face;
            normals[c] += face;
        }

        for (var i = 0; i < normals.Length; i++)
        {
            var length = normals[i].Length();
            normals[i] = length > 1e-20f && float.IsFinite(length) ? normals[i] / length : Vector3.UnitY;
        }
    }
}
