using System.Numerics;
using Previz.Core.Geometry;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// A mesh prepared for drawing once per scene: vertices welded by position (so seams, poles and the corners of a
/// box's separate faces share edges), degenerate triangles dropped, and every edge classified as a feature edge or
/// a smooth one. A mesh is closed when every edge has exactly two triangles; only closed meshes are back-face culled.
/// </summary>
internal sealed class MeshGeometry
{
    /// <summary>Edges whose faces' normals differ by more than this are creases (a 24-segment sphere's facets differ by 15°).</summary>
    public const float FeatureAngleDegrees = 25f;

    private MeshGeometry(Vector3[] positions, int[] triangles, MeshEdge[] edges, bool closed, Vector3 centre, float radius)
    {
        Positions = positions;
        Triangles = triangles;
        Edges = edges;
        Closed = closed;
        Centre = centre;
        Radius = radius;
    }

    public Vector3[] Positions { get; }

    /// <summary>Counter-clockwise triangles as triples of indices into <see cref="Positions"/>.</summary>
    public int[] Triangles { get; }

    public int TriangleCount => Triangles.Length / 3;

    public MeshEdge[] Edges { get; }

    public bool Closed { get; }

    /// <summary>Centre of the bounding sphere in object space.</summary>
    public Vector3 Centre { get; }

    public float Radius { get; }

    public static MeshGeometry Build(Mesh mesh)
    {
        var (min, max) = mesh.Bounds();
        var extent = MathF.Max(1e-6f, (max - min).Length());
        var cell = extent * 1e-5f;

        // Weld vertices that share a position (to a tolerance relative to the mesh size).
        var weld = new Dictionary<(long, long, long), int>();
        var remap = new int[mesh.Positions.Length];
        var positions = new List<Vector3>();
        for (var i = 0; i < mesh.Positions.Length; i++)
        {
            var p = mesh.Positions[i];
            var key = ((long)MathF.Round(p.X / cell), (long)MathF.Round(p.Y / cell), (long)MathF.Round(p.Z / cell));
            if (!weld.TryGetValue(key, out var index))
            {
                index = positions.Count;
                positions.Add(p);
                weld.Add(key, index);
            }

            remap[i] = index;
        }

        // Keep triangles with three distinct corners and a real area.
        var triangles = new List<int>(mesh.Indices.Length);
        var normals = new List<Vector3>(mesh.Indices.Length / 3);
        for (var t = 0; t + 2 < mesh.Indices.Length; t += 3)
        {
            int a = remap[mesh.Indices[t]], b = remap[mesh.Indices[t + 1]], c = remap[mesh.Indices[t + 2]];
            if (a == b || b == c || a == c)
            {
                continue;
            }

            var n = Vector3.Cross(positions[b] - positions[a], positions[c] - positions[a]);
            var area2 = n.Length();
            if (area2 <= cell * cell)
            {
                continue;
            }

            triangles.Add(a);
            triangles.Add(b);
            triangles.Add(c);
            normals.Add(n / area2);
        }

        // Edge → the triangles on it.
        var edgeFaces = new Dictionary<(int, int), (int First, int Second, int Count)>();
        for (var f = 0; f < normals.Count; f++)
        {
            for (var k = 0; k < 3; k++)
            {
                var u = triangles[(3 * f) + k];
                var v = triangles[(3 * f) + ((k + 1) % 3)];
                var key = u < v ? (u, v) : (v, u);
                edgeFaces[key] = edgeFaces.TryGetValue(key, out var e) ? (e.First, e.Count == 1 ? f : e.Second, e.Count + 1) : (f, -1, 1);
            }
        }

        var cosFeature = MathF.Cos(FeatureAngleDegrees * MathF.PI / 180f);
        var edges = new List<MeshEdge>(edgeFaces.Count);
        var closed = true;
        foreach (var ((u, v), (first, second, count)) in edgeFaces)
        {
            if (count == 2)
            {
                var crease = Vector3.Dot(normals[first], normals[second]) < cosFeature;
                edges.Add(new MeshEdge(u, v, first, second, crease));
            }
            else
            {
                closed = false;
                edges.Add(new MeshEdge(u, v, first, -1, Feature: true));
            }
        }

        var centre = (min + max) * 0.5f;
        var radius = 0f;
        foreach (var p in positions)
        {
            radius = MathF.Max(radius, Vector3.Distance(p, centre));
        }

        return new MeshGeometry([.. positions], [.. triangles], [.. edges], closed && edges.Count > 0, centre, radius);
    }
}
