using System.Numerics;
using Previz.Core.Geometry;

namespace Previz.Core.Tests.Geometry;

public sealed class PersonMeshTests
{
    [Theory]
    [InlineData(0.5f, 1.8f, 0.3f)]
    [InlineData(0.4f, 1.2f, 0.25f)]
    public void A_person_fills_its_size_centred_on_the_origin(float w, float h, float d)
    {
        var mesh = PrimitiveMeshes.Create(ShapeKind.Person, new Vector3(w, h, d));
        var (min, max) = mesh.Bounds();
        Assert.Equal(h, max.Y - min.Y, 2);
        Assert.Equal(0, (max.Y + min.Y) / 2, 2);
        Assert.InRange(max.X - min.X, w * 0.9f, w * 1.001f);
        Assert.InRange(max.Z - min.Z, d * 0.8f, d * 1.001f);
        Assert.All(mesh.Indices, i => Assert.InRange(i, 0, mesh.Positions.Length - 1));
    }

    [Fact]
    public void A_person_has_a_head_above_two_separate_legs()
    {
        var mesh = PrimitiveMeshes.Create(ShapeKind.Person, new Vector3(0.5f, 1.8f, 0.3f));
        // Below the hips there is a gap between the legs at x = 0; at head height there is matter at x = 0.
        Assert.DoesNotContain(mesh.Positions, p => p.Y < -0.6f && MathF.Abs(p.X) < 0.005f);
        Assert.Contains(mesh.Positions, p => p.Y > 0.85f && MathF.Abs(p.X) < 0.05f);
    }
}
