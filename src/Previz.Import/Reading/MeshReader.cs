using System.Numerics;
using SharpGLTF.Schema2;
using PrevizMesh = Previz.Core.Geometry.Mesh;

namespace Previz.Import.Reading;

/// <summary>
/// Turns a glTF mesh into one Previz mesh: every triangle primitive (lists, strips and fans, indexed or not) merged,
/// points and lines left out (and counted); the material covering the largest area gives the colour. Vertex colours,
/// skin attributes and morph-target positions are merged alongside (see <see cref="VertexAttributes"/>).
/// </summary>
internal static class MeshReader
{
    public static MeshData Read(Mesh mesh, string fileName)
    {
        var label = mesh.Name is { Length: > 0 } n ? $"mesh \"{n}\"" : $"meshes[{mesh.LogicalIndex}]";
        var parts = new List<(Vector3[] Positions, int[] Indices)>();
        var attributes = new List<VertexAttributes>();
        var leftOut = 0;
        var areaByMaterial = new Dictionary<int, (Material? Material, double Area)>();
        // Areas matter only when primitives differ in material; one material needs no pass over the triangles.
        var oneMaterial = mesh.Primitives.Select(p => p.Material?.LogicalIndex ?? -1).Distinct().Count() == 1;
        foreach (var primitive in mesh.Primitives)
        {
            var what = $"{label} primitive {primitive.LogicalIndex}";
            var mode = primitive.DrawPrimitiveType;
            if (mode is not (PrimitiveType.TRIANGLES or PrimitiveType.TRIANGLE_STRIP or PrimitiveType.TRIANGLE_FAN))
            {
                leftOut++;
                continue;
            }

            var positionAccessor = primitive.GetVertexAccessor("POSITION");
            if (positionAccessor is null)
            {
                continue;
            }

            var positions = AccessorReader.ReadVector3(positionAccessor, what + " POSITION", fileName);
            var indices = primitive.IndexAccessor is { } ia
                ? AccessorReader.ReadIndices(ia, positions.Length, what + " indices", fileName)
                : Sequence(positions.Length);
            indices = mode switch
            {
                PrimitiveType.TRIANGLE_STRIP => FromStrip(indices),
                PrimitiveType.TRIANGLE_FAN => FromFan(indices),
                _ => indices.Length % 3 == 0 ? indices : indices[..(indices.Length - (indices.Length % 3))],
            };
            parts.Add((positions, indices));
            attributes.Add(VertexAttributes.Read(primitive, positions.Length, what, fileName));
            var key = primitive.Material?.LogicalIndex ?? -1;
            var area = oneMaterial ? 1 : Area(positions, indices);
            areaByMaterial[key] = (primitive.Material, (areaByMaterial.TryGetValue(key, out var a) ? a.Area : 0) + area);
        }

        var material = areaByMaterial.Count == 0 ? null : areaByMaterial.Values.MaxBy(v => v.Area).Material;
        var merged = VertexAttributes.Merge(attributes);
        var result = Merge(parts);
        if (merged.Colors is { } colours)
        {
            result = result with { Colors = colours };
        }

        return new MeshData(result, material, merged, leftOut);
    }

    private static PrevizMesh Merge(List<(Vector3[] Positions, int[] Indices)> parts)
    {
        if (parts.Count == 1)
        {
            return new PrevizMesh(parts[0].Positions, parts[0].Indices);
        }

        var positions = new Vector3[parts.Sum(p => (long)p.Positions.Length)];
        var indices = new int[parts.Sum(p => (long)p.Indices.Length)];
        int v = 0, i = 0;
        foreach (var (ps, ids) in parts)
        {
            ps.CopyTo(positions, v);
            for (var k = 0; k < ids.Length; k++)
            {
                indices[i + k] = ids[k] + v;
            }

            v += ps.Length;
            i += ids.Length;
        }

        return new PrevizMesh(positions, indices);
    }

    private static int[] Sequence(int count)
    {
        var result = new int[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = i;
        }

        return result;
    }

    private static int[] FromStrip(int[] strip)
    {
        var triangles = Math.Max(0, strip.Length - 2);
        var result = new int[triangles * 3];
        for (var t = 0; t < triangles; t++)
        {
            // Every other triangle swaps its first two corners to keep counter-clockwise winding.
            var even = (t & 1) == 0;
            result[3 * t] = strip[even ? t : t + 1];
            result[(3 * t) + 1] = strip[even ? t + 1 : t];
            result[(3 * t) + 2] = strip[t + 2];
        }

        return result;
    }

    private static int[] FromFan(int[] fan)
    {
        var triangles = Math.Max(0, fan.Length - 2);
        var result = new int[triangles * 3];
        for (var t = 0; t < triangles; t++)
        {
            result[3 * t] = fan[t + 1];
            result[(3 * t) + 1] = fan[t + 2];
            result[(3 * t) + 2] = fan[0];
        }

        return result;
    }

    private static double Area(Vector3[] p, int[] indices)
    {
        double sum = 0;
        for (var t = 0; t + 2 < indices.Length; t += 3)
        {
            var a = p[indices[t]];
            sum += Vector3.Cross(p[indices[t + 1]] - a, p[indices[t + 2]] - a).Length();
        }

        return sum / 2;
    }
}
