using System.Numerics;
using Previz.Core.Geometry;
using Previz.Core.Scenes;
using Previz.Import.Scenes;
using Previz.Import.Tests.Support;
using Previz.Import.Writing;
using SharpGLTF.Schema2;
using PrevizMesh = Previz.Core.Geometry.Mesh;

namespace Previz.Import.Tests.Writing;

public sealed class SceneGlbGeometryTests
{
    [Fact]
    public async Task Every_stadium_object_becomes_one_node_at_the_root_with_its_id_in_extras_and_the_triangles_direct_render_draws()
    {
        var scene = (await SceneFileLoader.LoadAsync(SampleScenes.PathOf("stadium.previz.json"))).Scene;

        var model = Parse(SceneGlb.Write(scene, SceneGlbContent.Geometry));

        var nodes = model.DefaultScene.VisualChildren.ToList();
        Assert.Equal(scene.Objects.Count, nodes.Count);
        Assert.Empty(model.LogicalCameras);
        Assert.Empty(model.LogicalAnimations);
        for (var i = 0; i < nodes.Count; i++)
        {
            var obj = scene.Objects[i];
            var node = nodes[i];
            Assert.Equal(obj.Id, node.Extras?["previzId"]?.GetValue<string>());
            Assert.Empty(node.VisualChildren);
            Assert.Equal(Matrix4x4.Identity, node.LocalMatrix);
            var expected = ObjectMeshes.Of(obj)!;
            var primitive = Assert.Single(node.Mesh.Primitives);
            Assert.Equal(expected.Positions, primitive.GetVertexAccessor("POSITION").AsVector3Array().ToArray());
            Assert.Equal(expected.Indices.Select(i => (uint)i), primitive.GetIndices());
            Assert.All(primitive.GetVertexAccessor("NORMAL").AsVector3Array(), n => Assert.Equal(1f, n.Length(), 1e-4f));
            // The material holds the colour in linear light; back in sRGB it is the scene's #rrggbb.
            var linear = primitive.Material.FindChannel("BaseColor")!.Value.Color;
            Assert.Equal(obj.Color.ToHex(), new ColorRgb(ToSrgb(linear.X), ToSrgb(linear.Y), ToSrgb(linear.Z)).ToHex());
        }
    }

    [Fact]
    public void Normals_are_flat_on_a_box_face_and_point_outwards_on_a_sphere()
    {
        var scene = new SceneDocument
        {
            Name = "shapes",
            Objects =
            [
                new SceneObject { Id = "box", Shape = ShapeKind.Box, Size = new Vector3(2, 1, 3) },
                new SceneObject { Id = "ball", Shape = ShapeKind.Sphere },
            ],
        };

        var nodes = Parse(SceneGlb.Write(scene, SceneGlbContent.Geometry)).DefaultScene.VisualChildren.ToList();

        var box = nodes[0].Mesh.Primitives[0];
        var boxPositions = box.GetVertexAccessor("POSITION").AsVector3Array();
        var boxNormals = box.GetVertexAccessor("NORMAL").AsVector3Array();
        for (var v = 0; v < boxPositions.Count; v++)
        {
            // Each corner of a face lies on that face's plane, at half the size along its normal.
            Assert.Equal(Vector3.Dot(Vector3.Abs(boxNormals[v]), new Vector3(1, 0.5f, 1.5f)), Vector3.Dot(boxNormals[v], boxPositions[v]), 1e-4f);
        }

        var ball = nodes[1].Mesh.Primitives[0];
        var ballPositions = ball.GetVertexAccessor("POSITION").AsVector3Array();
        var ballNormals = ball.GetVertexAccessor("NORMAL").AsVector3Array();
        for (var v = 0; v < ballPositions.Count; v++)
        {
            if (ballPositions[v].Length() > 0.4f && MathF.Abs(ballPositions[v].Y) < 0.45f)
            {
                Assert.True(Vector3.Dot(ballNormals[v], Vector3.Normalize(ballPositions[v])) > 0.95f);
            }
        }
    }

    [Fact]
    public void An_object_without_triangles_still_gets_its_node_without_a_mesh()
    {
        var scene = new SceneDocument
        {
            Name = "group",
            Objects =
            [
                new SceneObject { Id = "rig", Shape = ShapeKind.Mesh, Mesh = new PrevizMesh([], []) },
                new SceneObject { Id = "crate", ParentId = "rig", Transform = new Transform(new Vector3(5, 0, 0), Quaternion.Identity, Vector3.One) },
            ],
        };

        var nodes = Parse(SceneGlb.Write(scene, SceneGlbContent.Geometry)).DefaultScene.VisualChildren.ToList();

        Assert.Equal(["rig", "crate"], nodes.Select(n => n.Extras!["previzId"]!.GetValue<string>()));
        Assert.Null(nodes[0].Mesh);
        Assert.NotNull(nodes[1].Mesh);
        Assert.Equal(Matrix4x4.Identity, nodes[1].LocalMatrix); // the viewer places it, parent or not
    }

    // SharpGLTF's full validation on read: the writer skips it, so the file must pass it on its own.
    private static ModelRoot Parse(byte[] glb) =>
        ModelRoot.ParseGLB(glb, new ReadSettings { Validation = SharpGLTF.Validation.ValidationMode.Strict });

    private static float ToSrgb(float linear) => Previz.Import.Reading.MaterialColors.ToSrgb(linear);
}
