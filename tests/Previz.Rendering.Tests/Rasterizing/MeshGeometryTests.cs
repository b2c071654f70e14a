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
}
