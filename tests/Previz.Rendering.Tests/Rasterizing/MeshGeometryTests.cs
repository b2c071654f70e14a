using System.Numerics;
using Previz.Core.Geometry;
using Previz.Rendering.Rasterizing;

namespace Previz.Rendering.Tests.Rasterizing;

public class MeshGeometryTests
{
    [Fact]
    public void A_box_has_twelve_feature_edges_and_no_diagonals_and_is_closed()
    {
        var mesh = MeshGeometry.Build(PrimitiveMeshes.Create(ShapeKind.Box, Vector3.One));

        Assert.True(mesh.Closed);
        Assert.Equal(12, mesh.Edges.Count(e => e.Feature));
        Assert.Equal(6, mesh.Edges.Count(e => !e.Feature)); // one diagonal per face, smooth
    }

    [Fact]
    public void A_plane_is_open_with_four_boundary_edges()
    {
        var mesh = MeshGeometry.Build(PrimitiveMeshes.Create(ShapeKind.Plane, new Vector3(2, 0, 2)));

        Assert.False(mesh.Closed);
        Assert.Equal(4, mesh.Edges.Count(e => e.Right < 0));
    }

    [Fact]
    public void A_sphere_is_closed_and_has_no_creases()
    {
        var mesh = MeshGeometry.Build(PrimitiveMeshes.Create(ShapeKind.Sphere, Vector3.One));

        Assert.True(mesh.Closed);
        Assert.DoesNotContain(mesh.Edges, e => e.Feature);
    }

    [Fact]
    public void A_cylinder_creases_only_around_its_caps()
    {
        var mesh = MeshGeometry.Build(PrimitiveMeshes.Create(ShapeKind.Cylinder, Vector3.One));

        Assert.True(mesh.Closed);
        Assert.Equal(48, mesh.Edges.Count(e => e.Feature));
    }

    [Fact]
    public void A_cone_welds_its_apex_and_is_closed()
    {
        var mesh = MeshGeometry.Build(PrimitiveMeshes.Create(ShapeKind.Cone, Vector3.One));

        Assert.True(mesh.Closed);
        Assert.Equal(24, mesh.Edges.Count(e => e.Feature));
    }

    [Theory]
    [InlineData(ShapeKind.Box)]
    [InlineData(ShapeKind.Plane)]
    [InlineData(ShapeKind.Sphere)]
    [InlineData(ShapeKind.Cylinder)]
    [InlineData(ShapeKind.Cone)]
    [InlineData(ShapeKind.Capsule)]
    public void Hash_welding_gives_the_same_geometry_as_dictionary_welding(ShapeKind shape)
    {
        var source = PrimitiveMeshes.Create(shape, new Vector3(1.5f, 2f, 0.75f));

        var mesh = MeshGeometry.Build(source);
        var (positions, triangles, edges, closed) = ReferenceBuild(source);

        Assert.Equal(positions, mesh.Positions);
        Assert.Equal(triangles, mesh.Triangles);
        Assert.Equal(edges, mesh.Edges);
        Assert.Equal(closed, mesh.Closed);
    }

    [Fact]
    public void A_mesh_is_prepared_once_and_shared_by_every_renderer_of_its_scene()
    {
        var source = PrimitiveMeshes.Create(ShapeKind.Sphere, Vector3.One) with { };
        var scene = TestScenes.Scene([TestScenes.Box("m", Vector3.Zero, Vector3.One, "#ffffff") with { Shape = ShapeKind.Mesh, Mesh = source }]);

        var first = new SceneGeometry(scene)[0];
        var second = new SceneGeometry(scene)[0];

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Same(first, MeshGeometry.For(source));
        // Another mesh with equal contents is another instance and gets its own.
        Assert.NotSame(first, MeshGeometry.For(source with { }));
    }

    /// <summary>The welding and edge finding as first written (a dictionary per step), kept as the reference.</summary>
    private static (Vector3[] Positions, int[] Triangles, MeshEdge[] Edges, bool Closed) ReferenceBuild(Mesh mesh)
    {
        var (min, max) = mesh.Bounds();
        var cell = MathF.Max(1e-6f, (max - min).Length()) * 1e-5f;
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

        var triangles = new List<int>();
        var normals = new List<Vector3>();
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

            triangles.AddRange([a, b, c]);
            normals.Add(n / area2);
        }

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

        var cosFeature = MathF.Cos(MeshGeometry.FeatureAngleDegrees * MathF.PI / 180f);
        var edges = new List<MeshEdge>();
        var closed = true;
        foreach (var ((u, v), (first, second, count)) in edgeFaces)
        {
            if (count == 2)
            {
                edges.Add(new MeshEdge(u, v, first, second, Vector3.Dot(normals[first], normals[second]) < cosFeature));
            }
            else
            {
                closed = false;
                edges.Add(new MeshEdge(u, v, first, -1, Feature: true));
            }
        }

        return ([.. positions], [.. triangles], [.. edges], closed && edges.Count > 0);
    }
}
