using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Previz.Studio.Tests.Api;

public sealed class SceneEditApiTests
{
    [Fact]
    public async Task A_new_scene_is_a_ground_a_camera_and_a_five_second_shot_and_its_name_is_made_unique()
    {
        await using var studio = await StudioFixture.StartAsync();
        var first = await CreateAsync(studio, "Crane test");
        Assert.Equal("Crane test", first["name"]!.GetValue<string>());
        Assert.Equal(1, first["version"]!.GetValue<int>());
        var shot = Assert.Single(first["shots"]!.AsArray())!;
        Assert.Equal(5, shot["duration"]!.GetValue<double>());
        Assert.Equal("Crane test 2", (await CreateAsync(studio, "Crane test"))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_batch_of_edits_is_stored_as_the_next_version_and_the_document_holds_them()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await CreateAsync(studio, "Two shots");
        var id = scene["id"]!.GetValue<string>();
        using var response = await EditAsync(studio, id, "\"1\"", """
            [ { "op": "addObject", "object": { "id": "box", "kind": "box", "transform": { "position": [0, 0.5, 0] } } },
              { "op": "setKey", "objectId": "box", "track": "position", "key": { "time": 0, "value": [0, 0.5, 0] }, "withinShot": "shot-1" },
              { "op": "setKey", "objectId": "box", "track": "position", "key": { "time": 3, "value": [4, 0.5, 0], "interpolation": "linear" }, "withinShot": "shot-1" },
              { "op": "duplicateShot", "shotId": "shot-1" } ]
            """);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var stored = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, stored["version"]!.GetValue<int>());
        Assert.Equal(2, stored["shots"]!.AsArray().Count);
        var document = JsonNode.Parse(await studio.Client.GetStringAsync($"/api/scenes/{stored["id"]}/document"))!;
        Assert.Equal(2, document["objects"]![1]!["animation"]!["position"]!.AsArray().Count);
    }

    [Fact]
    public async Task Edits_against_an_older_version_are_a_conflict_and_store_nothing()
    {
        await using var studio = await StudioFixture.StartAsync();
        var id = (await CreateAsync(studio, "Race"))["id"]!.GetValue<string>();
        using (var first = await EditAsync(studio, id, "\"1\"", """[ { "op": "setShot", "shotId": "shot-1", "duration": 4 } ]"""))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        using var second = await EditAsync(studio, id, "\"1\"", """[ { "op": "setShot", "shotId": "shot-1", "duration": 6 } ]""");
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = (await second.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(2, problem["latestVersion"]!.GetValue<int>());
        var versions = (await studio.Client.GetFromJsonAsync<JsonArray>("/api/scenes"))!.Where(s => s!["name"]!.GetValue<string>() == "Race").ToList();
        Assert.Equal(2, versions.Count);

        using var missing = await EditAsync(studio, id, null, """[ { "op": "setShot", "shotId": "shot-1", "duration": 6 } ]""");
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
    }

    [Fact]
    public async Task A_refused_operation_is_named_by_index_and_field_and_nothing_is_stored()
    {
        await using var studio = await StudioFixture.StartAsync();
        var id = (await CreateAsync(studio, "Refusals"))["id"]!.GetValue<string>();
        using var response = await EditAsync(studio, id, "\"1\"", """
            [ { "op": "setShot", "shotId": "shot-1", "name": "fine" },
              { "op": "setCamera", "cameraId": "camera-1", "focalLength": -5 } ]
            """);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(1, problem["operationIndex"]!.GetValue<int>());
        Assert.Equal("$.cameras[0].lens.focalLength", problem["path"]!.GetValue<string>());
        Assert.True(problem["errors"]!.AsObject().ContainsKey("$.cameras[0].lens.focalLength"));
        var versions = (await studio.Client.GetFromJsonAsync<JsonArray>("/api/scenes"))!.Where(s => s!["name"]!.GetValue<string>() == "Refusals");
        Assert.Single(versions);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_authoring_routes_and_the_operations()
    {
        await using var studio = await StudioFixture.StartAsync();
        var text = await studio.Client.GetStringAsync("/openapi/v1.json");
        var paths = JsonNode.Parse(text)!["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/scenes/new", paths);
        Assert.Contains("/api/scenes/{id}/edits", paths);
        Assert.Contains("setKey", text, StringComparison.Ordinal);
        Assert.Contains("duplicateShot", text, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> CreateAsync(StudioFixture studio, string name)
    {
        using var response = await studio.Client.PostAsJsonAsync("/api/scenes/new", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<HttpResponseMessage> EditAsync(StudioFixture studio, string id, string? ifMatch, string operations)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/scenes/{id}/edits")
        {
            Content = new StringContent($$"""{ "operations": {{operations}} }""", Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await studio.Client.SendAsync(request);
    }
}
