using System.Numerics;
using Previz.Core.Geometry;

namespace Previz.Core.Tests.Geometry;

public class PrimitiveMeshTests
{
    [Theory]
    [InlineData(ShapeKind.Box)]
    [InlineData(ShapeKind.Sphere)]
    [InlineData(ShapeKind.Cylinder)]
    [InlineData(ShapeKind.Cone)]
    [InlineData(ShapeKind.Capsule)]
    public void Closed_primitives_fill_their_size_and_face_outwards(ShapeKind kind)
    {
        var size = new Vector3(2, 4, 1);
        var mesh = PrimitiveMeshes.Create(kind, size);
        var (min, max) = mesh.Bounds();
        Assert.True(Vector3.Distance(max - min, size) < 1e-3f, $"{kind} bounds {min}..{max}");
        // Outward winding: every triangle's normal points away from the centre (signed volume is positive).
        var volume = 0.0;
        for (var i = 0; i < mesh.Indices.Length; i += 3)
        {
            var a = mesh.Positions[mesh.Indices[i]];
            var b = mesh.Positions[mesh.Indices[i + 1]];
            var c = mesh.Positions[mesh.Indices[i + 2]];
            volume += Vector3.Dot(a, Vector3.Cross(b, c)) / 6.0;
        }

        Assert.True(volume > 0, $"{kind} has inward-facing triangles (signed volume {volume})");
        if (kind == ShapeKind.Box)
        {
            Assert.Equal(8.0, volume, 3);
        }
    }
}
