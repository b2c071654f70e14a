using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Previz.Core.Geometry;
using Previz.Core.Scenes;
using Previz.Import;
using Previz.Import.Writing;

namespace Previz.Studio.Tests.Api;

public sealed class SceneExportApiTests
{
    [Fact]
    public async Task An_uploaded_glb_is_stored_by_content_and_answers_the_path_a_scene_names_it_by()
    {
        await using var studio = await StudioFixture.StartAsync();
        var glb = CrateGlb();

        var mesh = await UploadMeshAsync(studio, glb, "crate.glb");
        var again = await UploadMeshAsync(studio, glb, "crate.glb");

        var hash = Convert.ToHexStringLower(SHA256.HashData(glb));
        Assert.Equal($"meshes/{hash}.glb", (string)mesh["path"]!);
        Assert.Equal("crate", (string)mesh["name"]!);
        Assert.Equal(12, (int)mesh["triangles"]!);
        Assert.Equal([2f, 1f, 3f], mesh["size"]!.AsArray().Select(v => (float)v!));
        Assert.Equal(mesh.ToJsonString(), again.ToJsonString());
        Assert.Equal(glb, await File.ReadAllBytesAsync(Path.Combine(studio.DataFolder, "scenes", "meshes", $"{hash}.glb")));
    }

    [Fact]
    public async Task A_mesh_upload_that_is_not_a_glb_is_a_problem_about_the_file_and_stores_nothing()
    {
        await using var studio = await StudioFixture.StartAsync();
        using var text = new StringContent("""{ "asset": { "version": "2.0" } }""", Encoding.UTF8, "model/gltf+json");

        using var response = await studio.Client.PostAsync("/api/meshes?fileName=car.gltf", text);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("not a binary glTF", problem["errors"]!["file"]![0]!.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(studio.DataFolder, "scenes", "meshes")));
    }

    [Fact]
    public async Task A_scene_naming_a_mesh_file_the_studio_does_not_have_is_a_problem_at_its_json_path()
    {
        await using var studio = await StudioFixture.StartAsync();

        using var response = await PostSceneAsync(studio, SceneNaming("meshes/0000.glb"));
        using var validated = await studio.Client.PostAsync("/api/scenes/validate", new StringContent(SceneNaming("assets/car.glb"), Encoding.UTF8));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$.objects[1].mesh", (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.BadRequest, validated.StatusCode);
        Assert.Contains("$.objects[1].mesh", (await validated.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty((await studio.Client.GetFromJsonAsync<JsonArray>("/api/scenes"))!);
    }

    [Fact]
    public async Task A_stored_scene_with_an_uploaded_mesh_exports_as_a_glb_that_imports_back_with_that_mesh()
    {
        await using var studio = await StudioFixture.StartAsync();
        var mesh = await UploadMeshAsync(studio, CrateGlb(), "crate.glb");
        using var created = await PostSceneAsync(studio, SceneNaming((string)mesh["path"]!));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        using var export = await studio.Client.GetAsync($"/api/scenes/{id}/export.glb");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("model/gltf-binary", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal("yard.glb", export.Content.Headers.ContentDisposition!.FileNameStar ?? export.Content.Headers.ContentDisposition.FileName);
        var back = GltfImporter.Parse(await export.Content.ReadAsByteArrayAsync(), "yard.glb").Scene;
        Assert.Equal(["ground", "crate"], back.Objects.Select(o => o.Id));
        var crate = back.FindObject("crate")!;
        Assert.Equal(ShapeKind.Mesh, crate.Shape);
        Assert.Equal(12, crate.Mesh!.TriangleCount);
        Assert.Equal(new Vector3(2, 1, 3), crate.Mesh.Bounds().Max - crate.Mesh.Bounds().Min);
        Assert.Equal(new Vector3(3, 0.5f, 0), crate.Transform.Position);
        Assert.Equal(["wide"], back.Shots.Select(s => s.Id));
    }

    [Fact]
    public async Task The_stadium_exports_with_its_cameras_and_shots_and_an_unknown_scene_is_404()
    {
        await using var studio = await StudioFixture.StartAsync();
        var stadium = await studio.UploadStadiumAsync();

        var glb = await studio.Client.GetByteArrayAsync($"/api/scenes/{(string)stadium["id"]!}/export.glb");
        using var missing = await studio.Client.GetAsync($"/api/scenes/{Guid.NewGuid()}/export.glb");

        var back = GltfImporter.Parse(glb, "stadium.glb").Scene;
        Assert.Equal(["establishing", "breakaway"], back.Shots.Select(s => s.Id));
        Assert.Equal("striker", back.FindCamera("follow-cam")!.AimTargetId);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<JsonObject> UploadMeshAsync(StudioFixture studio, byte[] glb, string fileName)
    {
        using var content = new ByteArrayContent(glb);
        using var response = await studio.Client.PostAsync($"/api/meshes?fileName={fileName}", content);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<HttpResponseMessage> PostSceneAsync(StudioFixture studio, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await studio.Client.PostAsync("/api/scenes?fileName=yard.previz.json", content);
    }

    /// <summary>A 2 × 1 × 3 m box as a GLB, as a modelling tool would send it.</summary>
    private static byte[] CrateGlb() => SceneGlb.Write(
        new SceneDocument { Name = "crate", Objects = [new SceneObject { Id = "crate", Shape = ShapeKind.Box, Size = new Vector3(2, 1, 3) }] },
        SceneGlbContent.Full);

    private static string SceneNaming(string meshPath) => $$"""
        {
          "format": "previz-scene/1",
          "name": "Yard",
          "objects": [
            { "id": "ground", "kind": "plane", "size": [20, 0, 20] },
            { "id": "crate", "kind": "mesh", "mesh": "{{meshPath}}", "transform": { "position": [3, 0.5, 0] } }
          ],
          "cameras": [ { "id": "cam", "transform": { "position": [0, 2, 10] } } ],
          "shots": [ { "id": "wide", "cameraId": "cam", "duration": 2 } ]
        }
        """;
}
