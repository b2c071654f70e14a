using System.Numerics;
using System.Text.Json.Nodes;
using Previz.Core;
using Previz.Core.Sampling;
using Previz.Import.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Import.Tests;

public sealed class GltfImporterTests
{
    [Fact]
    public void A_mesh_node_becomes_an_object_named_after_the_node_with_its_triangles()
    {
        var b = new GltfBuilder();
        var node = b.AddNode(new JsonObject { ["name"] = "Car", ["mesh"] = b.AddTriangleMesh(), ["translation"] = new JsonArray(1f, 2f, 3f) });
        b.AddScene(node);

        var import = GltfImporter.Parse(b.ToGlb(), "car.glb");

        var car = Assert.Single(import.Scene.Objects);
        Assert.Equal("Car", car.Id);
        Assert.Equal("Car", car.Name);
        Assert.Equal(Core.Geometry.ShapeKind.Mesh, car.Shape);
        Assert.Equal(1, car.Mesh!.TriangleCount);
        Assert.Equal([Vector3.Zero, Vector3.UnitX, Vector3.UnitY], car.Mesh.Positions);
        Assert.Equal(new Vector3(1, 2, 3), car.Transform.Position);
        Assert.Equal("car", import.Scene.Name);
        Assert.Equal(["previz-camera"], import.Scene.Cameras.Select(c => c.Id)); // a camera-less file gets one that frames it
    }

    [Fact]
    public void Primitives_are_merged_indexed_or_not_and_the_largest_material_gives_the_colour()
    {
        var b = new GltfBuilder();
        var red = b.AddMaterial(1, 0, 0);
        var grey = b.AddMaterial(0.21586f, 0.21586f, 0.21586f); // linear 0.2159 is sRGB 128/255 (#808080)
        var small = GltfBuilder.Primitive(b.AddPositions(Vector3.Zero, Vector3.UnitX, Vector3.UnitY), b.AddIndices(0, 1, 2), red);
        var big = GltfBuilder.Primitive(b.AddPositions(Vector3.Zero, new(4, 0, 0), new(0, 4, 0), new(4, 4, 0), new(0, 4, 0), new(4, 0, 0)), material: grey);
        var strip = GltfBuilder.Primitive(b.AddPositions(Vector3.Zero, Vector3.UnitX, Vector3.UnitY, Vector3.One), material: red, mode: 5);
        var lines = GltfBuilder.Primitive(b.AddPositions(Vector3.Zero, Vector3.UnitX), mode: 1);
        b.AddScene(b.AddNode(new JsonObject { ["name"] = "Set", ["mesh"] = b.AddMesh(small, big, strip, lines) }));

        var set = Assert.Single(GltfImporter.Parse(b.ToGlb(), "set.glb").Scene.Objects);

        Assert.Equal(1 + 2 + 2, set.Mesh!.TriangleCount);
        Assert.Equal(3 + 6 + 4, set.Mesh.Positions.Length);
        // The second primitive's indices are offset past the first's vertices; the strip's second triangle is rewound.
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11, 10, 12], set.Mesh.Indices);
        Assert.Equal("#808080", set.Color.ToHex());
    }

    [Fact]
    public void A_matrix_transform_is_split_into_position_rotation_and_scale()
    {
        var expected = Matrix4x4.CreateScale(2, 3, 4) * Matrix4x4.CreateRotationY(0.5f) * Matrix4x4.CreateTranslation(5, 6, 7);
        var b = new GltfBuilder();
        var matrix = new JsonArray(
            expected.M11, expected.M12, expected.M13, expected.M14,
            expected.M21, expected.M22, expected.M23, expected.M24,
            expected.M31, expected.M32, expected.M33, expected.M34,
            expected.M41, expected.M42, expected.M43, expected.M44);
        b.AddScene(b.AddNode(new JsonObject { ["name"] = "M", ["mesh"] = b.AddTriangleMesh(), ["matrix"] = matrix }));

        var m = Assert.Single(GltfImporter.Parse(b.ToGlb(), "m.glb").Scene.Objects);

        AssertClose(new Vector3(5, 6, 7), m.Transform.Position);
        AssertClose(new Vector3(2, 3, 4), m.Transform.Scale);
        AssertMatrixClose(expected, m.Transform.ToMatrix());
    }

    [Fact]
    public void A_node_without_a_mesh_carries_its_children_as_an_empty_object()
    {
        var b = new GltfBuilder();
        var wheel = b.AddNode(new JsonObject { ["name"] = "Wheel", ["mesh"] = b.AddTriangleMesh(), ["translation"] = new JsonArray(1f, 0f, 0f) });
        var rig = b.AddNode(new JsonObject
        {
            ["name"] = "Rig",
            ["children"] = new JsonArray(wheel),
            ["rotation"] = new JsonArray(0f, MathF.Sin(MathF.PI / 4), 0f, MathF.Cos(MathF.PI / 4)),
            ["translation"] = new JsonArray(0f, 0f, 10f),
        });
        var lamp = b.AddNode(new JsonObject { ["name"] = "Lamp" }); // nothing to draw: left out
        b.AddScene(rig, lamp);

        var import = GltfImporter.Parse(b.ToGlb(), "rig.glb");

        Assert.Equal(["Rig", "Wheel"], import.Scene.Objects.Select(o => o.Id));
        Assert.Equal(0, import.Scene.FindObject("Rig")!.Mesh!.TriangleCount);
        Assert.Equal("Rig", import.Scene.FindObject("Wheel")!.ParentId);
        var world = new PoseSampler(import.Scene).ObjectWorld("Wheel", 0);
        // The wheel's +X offset turned 90° about Y lands on −Z of the rig.
        AssertClose(new Vector3(0, 0, 9), world.Translation);
        Assert.Equal([GltfNodeKind.Mesh, GltfNodeKind.Group, GltfNodeKind.Ignored], import.Nodes.Select(n => n.Kind));
    }

    [Fact]
    public void A_perspective_camera_keeps_its_field_of_view_clip_range_and_aspect_and_gets_a_shot()
    {
        var b = new GltfBuilder();
        var camera = b.Add("cameras", new JsonObject
        {
            ["type"] = "perspective",
            ["perspective"] = new JsonObject { ["yfov"] = 0.6f, ["aspectRatio"] = 2.39f, ["znear"] = 0.5f, ["zfar"] = 300f },
        });
        var cam = b.AddNode(new JsonObject { ["name"] = "Hero Cam", ["camera"] = camera, ["translation"] = new JsonArray(0f, 1f, 5f) });
        b.AddScene(cam, b.AddNode(new JsonObject { ["name"] = "Box", ["mesh"] = b.AddTriangleMesh() }));

        var scene = GltfImporter.Parse(b.ToGlb(), "cam.glb").Scene;

        var c = Assert.Single(scene.Cameras);
        Assert.Equal("Hero Cam", c.Id);
        Assert.Equal(0.6f * 180f / MathF.PI, c.Lens.VerticalFovDegrees!.Value, 4);
        Assert.Equal(0.5f, c.Near);
        Assert.Equal(300f, c.Far);
        Assert.Equal(new Vector3(0, 1, 5), c.Transform.Position);
        var shot = Assert.Single(scene.Shots);
        Assert.Equal("Hero Cam", shot.CameraId);
        Assert.Equal(2.39, shot.Aspect.Value, 3);
        Assert.Equal(24, shot.Fps);
        Assert.Equal(1, shot.FrameCount); // a still scene is one frame
        var pose = new PoseSampler(scene).Camera(shot, 0);
        Assert.Equal(0.6f, pose.VerticalFovRadians, 4);
    }

    [Fact]
    public void A_camera_without_an_aspect_ratio_gets_a_16_by_9_shot_and_an_infinite_far_plane_becomes_finite()
    {
        var b = new GltfBuilder();
        var camera = b.Add("cameras", new JsonObject { ["type"] = "perspective", ["perspective"] = new JsonObject { ["yfov"] = 0.8f, ["znear"] = 0.1f } });
        b.AddScene(b.AddNode(new JsonObject { ["camera"] = camera }));

        var scene = GltfImporter.Parse(b.ToGlb(), "cam.glb").Scene;

        Assert.Equal("16:9", scene.Shots[0].Aspect.ToString());
        Assert.True(float.IsFinite(scene.Cameras[0].Far) && scene.Cameras[0].Far > 1000);
        Assert.Equal("camera0", scene.Cameras[0].Id); // an unnamed camera node
    }

    [Fact]
    public void A_file_whose_only_camera_is_orthographic_opens_with_the_default_camera_and_says_why()
    {
        var b = new GltfBuilder();
        var camera = b.Add("cameras", new JsonObject
        {
            ["name"] = "Top",
            ["type"] = "orthographic",
            ["orthographic"] = new JsonObject { ["xmag"] = 1f, ["ymag"] = 1f, ["znear"] = 0.1f, ["zfar"] = 10f },
        });
        b.AddScene(b.AddNode(new JsonObject { ["camera"] = camera }));

        var import = GltfImporter.Parse(b.ToGlb(), "ortho.glb");

        Assert.Equal(["previz-camera"], import.Scene.Cameras.Select(c => c.Id));
        Assert.Contains(import.Notes, n => n.Contains("\"Top\" is orthographic", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("KHR_draco_mesh_compression")]
    [InlineData("EXT_meshopt_compression")]
    [InlineData("EXT_some_future_thing")]
    public void An_unsupported_required_extension_is_named_in_the_error(string extension)
    {
        var b = new GltfBuilder();
        b.AddScene(b.AddNode(new JsonObject { ["mesh"] = b.AddTriangleMesh() }));
        b.Root["extensionsUsed"] = new JsonArray(extension);
        b.Root["extensionsRequired"] = new JsonArray(extension);

        var e = Assert.Throws<GltfImportException>(() => GltfImporter.Parse(b.ToGlb(), "packed.glb"));

        Assert.Contains(extension, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("packed.glb: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_supported_required_extension_loads()
    {
        var b = new GltfBuilder();
        b.AddScene(b.AddNode(new JsonObject { ["mesh"] = b.AddTriangleMesh() }));
        b.Root["extensionsUsed"] = new JsonArray("KHR_materials_unlit");
        b.Root["extensionsRequired"] = new JsonArray("KHR_materials_unlit");

        Assert.Single(GltfImporter.Parse(b.ToGlb(), "unlit.glb").Scene.Objects);
    }

    [Fact]
    public void A_gltf_with_an_embedded_buffer_loads_from_memory()
    {
        var b = new GltfBuilder();
        b.AddScene(b.AddNode(new JsonObject { ["name"] = "Tri", ["mesh"] = b.AddTriangleMesh() }));

        var import = GltfImporter.Parse(b.ToEmbeddedGltf(), "tri.gltf");

        Assert.Equal(1, Assert.Single(import.Scene.Objects).Mesh!.TriangleCount);
    }

    [Fact]
    public async Task A_gltf_with_an_external_buffer_loads_from_its_folder()
    {
        using var dir = new TempFolder();
        var b = new GltfBuilder();
        b.AddScene(b.AddNode(new JsonObject { ["name"] = "Tri", ["mesh"] = b.AddTriangleMesh() }));
        Directory.CreateDirectory(Path.Combine(dir.Path, "bin"));
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "bin", "tri data.bin"), b.BinaryData);
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "tri.gltf"), b.ToGltfWithExternalBuffer("bin/tri%20data.bin"));

        var import = await GltfImporter.LoadAsync(Path.Combine(dir.Path, "tri.gltf"));

        Assert.Equal(1, Assert.Single(import.Scene.Objects).Mesh!.TriangleCount);
    }

    [Fact]
    public async Task A_missing_external_buffer_is_named()
    {
        using var dir = new TempFolder();
        var b = new GltfBuilder();
        b.AddScene(b.AddNode(new JsonObject { ["mesh"] = b.AddTriangleMesh() }));
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "tri.gltf"), b.ToGltfWithExternalBuffer("gone.bin"));

        var e = await Assert.ThrowsAsync<GltfImportException>(() => GltfImporter.LoadAsync(Path.Combine(dir.Path, "tri.gltf")));

        Assert.Contains("gone.bin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_buffer_shorter_than_declared_is_a_readable_error()
    {
        using var dir = new TempFolder();
        var b = new GltfBuilder();
        b.AddScene(b.AddNode(new JsonObject { ["mesh"] = b.AddTriangleMesh() }));
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "tri.bin"), b.BinaryData[..20]);
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "tri.gltf"), b.ToGltfWithExternalBuffer("tri.bin"));

        var e = await Assert.ThrowsAsync<GltfImportException>(() => GltfImporter.LoadAsync(Path.Combine(dir.Path, "tri.gltf")));

        Assert.Equal("tri.gltf: buffers[0] (\"tri.bin\") should hold 48 bytes but the file has only 20: it is truncated.", e.Message);
    }

    [Theory]
    [InlineData("../secret.bin")]
    [InlineData("/etc/passwd")]
    [InlineData("https://example.com/x.bin")]
    public void A_buffer_outside_the_files_folder_is_refused(string uri)
    {
        var b = new GltfBuilder();
        b.AddScene(b.AddNode(new JsonObject { ["mesh"] = b.AddTriangleMesh() }));

        var e = Assert.Throws<GltfImportException>(() => GltfImporter.Parse(b.ToGltfWithExternalBuffer(uri), "x.gltf", Path.GetTempPath()));

        Assert.Contains(uri, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_readable_error()
    {
        var e = Assert.Throws<GltfImportException>(() => GltfImporter.Load("/nonexistent/folder/scene.glb"));
        Assert.Equal("scene.glb: the file does not exist.", e.Message);
    }

    [Fact]
    public void A_textured_material_is_coloured_by_the_texture_average_times_the_factor()
    {
        var b = new GltfBuilder();
        using var texture = new Image<Rgba32>(2, 2);
        texture[0, 0] = texture[1, 1] = new Rgba32(255, 0, 0);
        texture[1, 0] = texture[0, 1] = new Rgba32(0, 0, 255);
        using var png = new MemoryStream();
        texture.SaveAsPng(png);
        var image = b.Add("images", new JsonObject { ["bufferView"] = b.AddView(png.ToArray()), ["mimeType"] = "image/png" });
        var tex = b.Add("textures", new JsonObject { ["source"] = image });
        var material = b.Add("materials", new JsonObject
        {
            ["pbrMetallicRoughness"] = new JsonObject
            {
                ["baseColorFactor"] = new JsonArray(1f, 1f, 0.5f, 1f),
                ["baseColorTexture"] = new JsonObject { ["index"] = tex },
            },
        });
        b.AddScene(b.AddNode(new JsonObject { ["name"] = "Flag", ["mesh"] = b.AddTriangleMesh(material) }));

        var flag = Assert.Single(GltfImporter.Parse(b.ToGlb(), "flag.glb").Scene.Objects);

        // Linear average (0.5, 0, 0.5) × factor (1, 1, 0.5) = (0.5, 0, 0.25) → sRGB (0.735, 0, 0.537).
        Assert.Equal(0.735f, flag.Color.R, 2);
        Assert.Equal(0f, flag.Color.G, 2);
        Assert.Equal(0.537f, flag.Color.B, 2);
    }

    [Fact]
    public void Duplicate_node_names_get_distinct_ids_and_keep_their_names()
    {
        var b = new GltfBuilder();
        var mesh = b.AddTriangleMesh();
        b.AddScene(b.AddNode(new JsonObject { ["name"] = "Tree", ["mesh"] = mesh }), b.AddNode(new JsonObject { ["name"] = "Tree", ["mesh"] = mesh }));

        var objects = GltfImporter.Parse(b.ToGlb(), "forest.glb").Scene.Objects;

        Assert.Equal(["Tree", "Tree-2"], objects.Select(o => o.Id));
        Assert.All(objects, o => Assert.Equal("Tree", o.Name));
        Assert.Same(objects[0].Mesh, objects[1].Mesh); // an instanced mesh is read once
    }

    internal static void AssertClose(Vector3 expected, Vector3 actual, float tolerance = 1e-4f) =>
        Assert.True(Vector3.Distance(expected, actual) <= tolerance, $"expected {expected}, got {actual}");

    private static void AssertMatrixClose(Matrix4x4 expected, Matrix4x4 actual)
    {
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                Assert.Equal(expected[r, c], actual[r, c], 4);
            }
        }
    }
}
