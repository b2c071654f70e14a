using System.Numerics;
using System.Text.Json.Nodes;
using Previz.Core.Loading;
using Previz.Core.Scenes;
using Previz.Import.Tests.Support;

namespace Previz.Import.Tests;

public sealed class SceneMeshResolverTests
{
    private const string Scene = """
        {
          "format": "previz-scene/1",
          "name": "Chase",
          "objects": [
            { "id": "car", "name": "red car", "hero": true, "kind": "mesh", "mesh": "assets/car.glb", "transform": { "position": [10, 0, 0] } },
            { "id": "car2", "kind": "mesh", "mesh": "assets/car.glb", "color": "#0000ff" },
            { "id": "crate", "kind": "box" }
          ],
          "cameras": [ { "id": "cam", "transform": { "position": [0, 2, 10] } } ],
          "shots": [ { "id": "s1", "cameraId": "cam", "duration": 1 } ]
        }
        """;

    [Fact]
    public async Task A_scene_json_referring_to_a_glb_gets_its_mesh_flattened_at_rest_and_its_colour()
    {
        using var dir = new TempFolder();
        await WriteCarAsync(dir.Path);
        var read = SceneReader.Read(Scene);

        var scene = await SceneMeshResolver.ResolveAsync(read.Scene, dir.Path);

        var car = scene.FindObject("car")!;
        Assert.Equal(2, car.Mesh!.TriangleCount); // body + wheel on a child node
        // The wheel node sits 2 m along X under a body moved 1 m up: its triangle lands at (2, 1, 0) in file space.
        Assert.Contains(new Vector3(2, 1, 0), car.Mesh.Positions);
        Assert.Equal(new Vector3(10, 0, 0), car.Transform.Position); // the scene's transform is kept
        Assert.Equal("#ff0000", car.Color.ToHex()); // default grey in the scene: the file's colour
        Assert.Equal("#0000ff", scene.FindObject("car2")!.Color.ToHex()); // an explicit scene colour wins
        Assert.Same(car.Mesh, scene.FindObject("car2")!.Mesh); // one file is read once
        Assert.Null(scene.FindObject("crate")!.Mesh);
    }

    [Fact]
    public async Task A_glb_exported_by_previz_serves_as_a_mesh_with_the_triangles_its_primitives_draw()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(Path.Combine(dir.Path, "assets"));
        var crate = new SceneDocument
        {
            Name = "crate",
            Objects = [new SceneObject { Id = "crate", Shape = Previz.Core.Geometry.ShapeKind.Box, Size = new Vector3(2, 1, 3), Transform = new Transform(new Vector3(1, 0, 0), Quaternion.Identity, Vector3.One) }],
        };
        await File.WriteAllBytesAsync(Path.Combine(dir.Path, "assets", "car.glb"), Previz.Import.Writing.SceneGlb.Write(crate, Previz.Import.Writing.SceneGlbContent.Full));

        var scene = await SceneMeshResolver.ResolveAsync(SceneReader.Read(Scene).Scene, dir.Path);

        var mesh = scene.FindObject("car")!.Mesh!;
        Assert.Equal(12, mesh.TriangleCount);
        Assert.Equal((new Vector3(0, -0.5f, -1.5f), new Vector3(2, 0.5f, 1.5f)), mesh.Bounds());
    }

    [Fact]
    public async Task A_mesh_path_outside_the_scene_folder_is_refused_with_its_json_path()
    {
        using var dir = new TempFolder();
        var scene = new SceneDocument
        {
            Name = "x",
            Objects = [new SceneObject { Id = "a", Shape = Core.Geometry.ShapeKind.Mesh, MeshPath = "../outside.glb" }],
        };

        var e = await Assert.ThrowsAsync<SceneValidationException>(() => SceneMeshResolver.ResolveAsync(scene, dir.Path));

        Assert.Equal("$.objects[0].mesh", Assert.Single(e.Problems).Path);
        Assert.Contains("outside", e.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_or_missing_mesh_file_is_a_problem_at_its_json_path()
    {
        using var dir = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "broken.glb"), "not a glb at all");
        var scene = new SceneDocument
        {
            Name = "x",
            Objects =
            [
                new SceneObject { Id = "a", Shape = Core.Geometry.ShapeKind.Mesh, MeshPath = "broken.glb" },
                new SceneObject { Id = "b", Shape = Core.Geometry.ShapeKind.Mesh, MeshPath = "missing.glb" },
            ],
        };

        var e = await Assert.ThrowsAsync<SceneValidationException>(() => SceneMeshResolver.ResolveAsync(scene, dir.Path));

        Assert.Equal(["$.objects[0].mesh", "$.objects[1].mesh"], e.Problems.Select(p => p.Path));
        Assert.Contains("not a GLB file", e.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", e.Problems[1].Message, StringComparison.Ordinal);
    }

    private static async Task WriteCarAsync(string folder)
    {
        var b = new GltfBuilder();
        var red = b.AddMaterial(1, 0, 0);
        var wheel = b.AddNode(new JsonObject { ["name"] = "Wheel", ["mesh"] = b.AddTriangleMesh(), ["translation"] = new JsonArray(2f, 0f, 0f) });
        var body = b.AddNode(new JsonObject { ["name"] = "Body", ["mesh"] = b.AddTriangleMesh(red), ["translation"] = new JsonArray(0f, 1f, 0f), ["children"] = new JsonArray(wheel) });
        b.AddScene(body);
        Directory.CreateDirectory(Path.Combine(folder, "assets"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "assets", "car.glb"), b.ToGlb());
    }
}
