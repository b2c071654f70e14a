using System.Numerics;
using Previz.Core.Characters;
using Previz.Core.Geometry;
using Previz.Core.Scenes;

namespace Previz.Import;

/// <summary>
/// Flattens a glTF file that has clips, skins or morph targets into one mesh that keeps them: every part becomes
/// skinned in the file's space — skinned parts by their own joints, rigid parts by one joint, their own node (identity
/// inverse bind) — so the merged mesh plays any clip of the file, or holds the rest pose without one.
/// </summary>
internal static class RiggedFlattening
{
    public static Mesh Flatten(GltfImport import, Rig rig)
    {
        var nodeOf = import.Nodes.Where(n => n.Id is not null && n.Kind != GltfNodeKind.Camera).ToDictionary(n => n.Id!, n => n.Index, StringComparer.Ordinal);
        var parts = import.Scene.Objects.Where(o => o.Mesh is { TriangleCount: > 0 } && nodeOf.ContainsKey(o.Id)).ToList();
        var influences = Math.Max(1, parts.Max(p => p.Mesh!.Deformation?.Skin?.Influences ?? 1));
        var bind = new List<Vector3>();
        var indices = new List<int>();
        var jointNodes = new List<int>();
        var inverseBind = new List<Matrix4x4>();
        var joints = new List<int>();
        var weights = new List<float>();
        var morphs = new List<MorphSet>();
        var anyColours = parts.Any(p => p.Mesh!.Colors is not null);
        var colours = new List<Vector3>();
        foreach (var part in parts)
        {
            var mesh = part.Mesh!;
            var node = nodeOf[part.Id];
            var offset = bind.Count;
            var deformation = mesh.Deformation;
            var source = deformation?.BindPositions ?? mesh.Positions;
            bind.AddRange(source);
            var firstJoint = jointNodes.Count;
            if (deformation?.Skin is { } skin)
            {
                // glTF skins ignore the mesh node's transform: joint × inverse bind places the vertices in the file.
                jointNodes.AddRange(skin.JointNodes);
                inverseBind.AddRange(skin.InverseBind);
                for (var v = 0; v < source.Length; v++)
                {
                    for (var k = 0; k < influences; k++)
                    {
                        joints.Add(k < skin.Influences ? firstJoint + skin.Joints[(v * skin.Influences) + k] : firstJoint);
                        weights.Add(k < skin.Influences ? skin.Weights[(v * skin.Influences) + k] : 0);
                    }
                }
            }
            else
            {
                jointNodes.Add(node);
                inverseBind.Add(Matrix4x4.Identity);
                for (var v = 0; v < source.Length; v++)
                {
                    for (var k = 0; k < influences; k++)
                    {
                        joints.Add(firstJoint);
                        weights.Add(k == 0 ? 1 : 0);
                    }
                }
            }

            foreach (var set in deformation?.Morphs ?? [])
            {
                morphs.Add(set with { VertexStart = offset + set.VertexStart });
            }

            // A mirroring rest transform turns counter-clockwise triangles clockwise: swap two corners back.
            var mirrored = deformation?.Skin is null && WorldAtRest(rig, node).GetDeterminant() < 0;
            for (var t = 0; t + 2 < mesh.Indices.Length; t += 3)
            {
                indices.Add(mesh.Indices[t] + offset);
                indices.Add(mesh.Indices[mirrored ? t + 2 : t + 1] + offset);
                indices.Add(mesh.Indices[mirrored ? t + 1 : t + 2] + offset);
            }

            if (anyColours)
            {
                colours.AddRange(mesh.Colors ?? Enumerable.Repeat(Vector3.One, source.Length));
            }
        }

        var merged = new MeshDeformation(
            rig,
            MeshNode: -1,
            [.. bind],
            new SkinBinding([.. jointNodes], [.. inverseBind], influences, [.. joints], [.. weights]),
            morphs,
            PlaysAllClipsWithoutAction: false);
        var rest = new Vector3[bind.Count];
        new MeshDeformer(merged, parallel: false).Deform(0, null, rest);
        return new Mesh(rest, [.. indices]) { Colors = anyColours ? [.. colours] : null, Deformation = merged };
    }

    private static Matrix4x4 WorldAtRest(Rig rig, int node)
    {
        var world = Matrix4x4.Identity;
        for (var n = node; n >= 0; n = rig.Nodes[n].Parent)
        {
            world *= rig.Nodes[n].Rest.ToMatrix();
        }

        return world;
    }
}
