using System.Numerics;
using System.Text.Json.Nodes;
using Previz.Core.Sampling;
using Previz.Import.Tests.Support;
using static Previz.Import.Tests.GltfImporterTests;

namespace Previz.Import.Tests;

public sealed class GltfAnimationImportTests
{
    [Fact]
    public void A_linear_translation_channel_interpolates_between_keys()
    {
        var (b, node) = OneNode();
        b.AddAnimation("Slide", node, "translation", "LINEAR", [1f, 3f], [0, 0, 0, 10, 0, 0], "VEC3");

        var scene = GltfImporter.Parse(b.ToGlb(), "a.glb").Scene;
        var sampler = new PoseSampler(scene);

        AssertClose(new Vector3(5, 0, 0), sampler.ObjectWorld("Box", 2).Translation);
        AssertClose(Vector3.Zero, sampler.ObjectWorld("Box", 0).Translation); // before the first key: held
        AssertClose(new Vector3(10, 0, 0), sampler.ObjectWorld("Box", 9).Translation);
    }

    [Fact]
    public void A_step_channel_holds_each_key_until_the_next()
    {
        var (b, node) = OneNode();
        b.AddAnimation("Blink", node, "scale", "STEP", [0f, 1f], [1, 1, 1, 3, 3, 3], "VEC3");

        var sampler = new PoseSampler(GltfImporter.Parse(b.ToGlb(), "a.glb").Scene);

        Assert.Equal(1f, sampler.ObjectWorld("Box", 0.99).M11, 5);
        Assert.Equal(3f, sampler.ObjectWorld("Box", 1.0).M11, 5);
    }

    [Fact]
    public void A_linear_rotation_channel_slerps()
    {
        var (b, node) = OneNode();
        var quarter = Quaternion.CreateFromAxisAngle(Vector3.UnitY, MathF.PI / 2);
        b.AddAnimation("Turn", node, "rotation", "LINEAR", [0f, 1f], [0, 0, 0, 1, quarter.X, quarter.Y, quarter.Z, quarter.W], "VEC4");

        var world = new PoseSampler(GltfImporter.Parse(b.ToGlb(), "a.glb").Scene).ObjectWorld("Box", 0.5);

        var expected = Matrix4x4.CreateFromQuaternion(Quaternion.CreateFromAxisAngle(Vector3.UnitY, MathF.PI / 4));
        AssertClose(Vector3.Transform(Vector3.UnitX, expected), Vector3.TransformNormal(Vector3.UnitX, world));
    }

    [Fact]
    public void A_cubic_spline_channel_follows_the_hermite_curve_with_tangents_scaled_by_the_key_interval()
    {
        var (b, node) = OneNode();
        // Keys at t=0 (value 0, out-tangent 4/s) and t=2 (value 2, in-tangent 0): per glTF, p(u) = h00·p0 + h10·Δt·b0 + h01·p1 + h11·Δt·a1.
        float[] values = [0, 0, 0, 0, 0, 0, 4, 0, 0, /* key 1 */ 0, 0, 0, 2, 0, 0, 0, 0, 0];
        b.AddAnimation("Ease", node, "translation", "CUBICSPLINE", [0f, 2f], values, "VEC3");

        var sampler = new PoseSampler(GltfImporter.Parse(b.ToGlb(), "a.glb").Scene);

        const float u = 0.25f;
        var expected = (((u * u * u) - (2 * u * u) + u) * 2 * 4) + (((-2 * u * u * u) + (3 * u * u)) * 2);
        Assert.Equal(expected, sampler.ObjectWorld("Box", 0.5).Translation.X, 4);
        Assert.Equal(2f, sampler.ObjectWorld("Box", 2).Translation.X, 5);
    }

    [Fact]
    public void All_animations_play_on_one_timeline_and_the_shots_span_them_inclusive()
    {
        var b = new GltfBuilder();
        var box = b.AddNode(new JsonObject { ["name"] = "Box", ["mesh"] = b.AddTriangleMesh() });
        var camera = b.Add("cameras", new JsonObject { ["type"] = "perspective", ["perspective"] = new JsonObject { ["yfov"] = 0.7f, ["znear"] = 0.1f } });
        var cam = b.AddNode(new JsonObject { ["name"] = "Cam", ["camera"] = camera });
        b.AddScene(box, cam);
        // Blender frames 1..48 at 24 fps are glTF times 1/24..2.
        b.AddAnimation("BoxAction", box, "translation", "LINEAR", [1 / 24f, 1f], [0, 0, 0, 1, 0, 0], "VEC3");
        b.AddAnimation("CamAction", cam, "translation", "LINEAR", [0.5f, 2f], [0, 0, 5, 0, 0, 10], "VEC3");

        var import = GltfImporter.Parse(b.ToGlb(), "two.glb");
        var scene = import.Scene;
        var sampler = new PoseSampler(scene);
        var shot = Assert.Single(scene.Shots);

        Assert.Equal(2, import.Animations.Count);
        Assert.Equal(1 / 24.0, shot.Start, 6);
        Assert.Equal(48, shot.FrameCount);
        Assert.Equal(2.0, shot.FrameTime(47), 5);
        AssertClose(new Vector3(1, 0, 0), sampler.ObjectWorld("Box", 1.5).Translation);
        AssertClose(new Vector3(0, 0, 10), sampler.Camera(shot, 2.0).Position);
        var (start, end) = import.TimeRange!.Value;
        Assert.Equal(1 / 24.0, start, 6);
        Assert.Equal(2.0, end, 6);
    }

    [Fact]
    public void A_camera_under_an_animated_empty_follows_it()
    {
        var b = new GltfBuilder();
        var camera = b.Add("cameras", new JsonObject { ["type"] = "perspective", ["perspective"] = new JsonObject { ["yfov"] = 0.7f, ["znear"] = 0.1f } });
        var cam = b.AddNode(new JsonObject { ["name"] = "Cam", ["camera"] = camera, ["translation"] = new JsonArray(0f, 0f, 5f) });
        var dolly = b.AddNode(new JsonObject { ["name"] = "Dolly", ["children"] = new JsonArray(cam) });
        b.AddScene(dolly);
        b.AddAnimation("Push", dolly, "translation", "LINEAR", [0f, 1f], [0, 0, 0, 3, 0, 0], "VEC3");

        var scene = GltfImporter.Parse(b.ToGlb(), "dolly.glb").Scene;

        Assert.Equal("Dolly", scene.Cameras[0].ParentId);
        AssertClose(new Vector3(3, 0, 5), new PoseSampler(scene).Camera(scene.Shots[0], 1).Position);
    }

    [Fact]
    public void A_morph_weight_channel_on_a_mesh_without_targets_poses_nothing_and_moves_no_object()
    {
        var (b, node) = OneNode();
        b.AddAnimation("Smile", node, "weights", "LINEAR", [0f, 1f], [0, 1], "SCALAR");

        var import = GltfImporter.Parse(b.ToGlb(), "a.glb");
        var info = Assert.Single(import.Animations);

        Assert.Equal((0, 0, 1), (info.Channels, info.IgnoredChannels, info.CharacterChannels));
        Assert.Equal("Smile", info.Name);
        Assert.Null(import.Scene.FindObject("Box")!.Mesh!.Deformation);
    }

    private static (GltfBuilder Builder, int Node) OneNode()
    {
        var b = new GltfBuilder();
        var node = b.AddNode(new JsonObject { ["name"] = "Box", ["mesh"] = b.AddTriangleMesh() });
        b.AddScene(node);
        return (b, node);
    }
}
