using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Previz.Core;
using Previz.Studio.Hosting;

namespace Previz.Studio.Tests.Api;

public sealed class ApiContractTests
{
    [Fact]
    public async Task An_invalid_scene_is_a_problem_naming_the_json_path_and_is_not_stored()
    {
        await using var studio = await StudioFixture.StartAsync();
        using var content = new StringContent("""{ "name": "broken", "cameras": [ { "id": "c" } ], "shots": [ { "id": "s", "camera": "nope" } ] }""", Encoding.UTF8, "application/json");
        using var response = await studio.Client.PostAsync("/api/scenes?fileName=broken.previz.json", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(problem["errors"]!.AsObject().Any(e => e.Key.StartsWith('/') || e.Key.StartsWith('$')), problem.ToJsonString());
        Assert.Empty((await studio.Client.GetFromJsonAsync<JsonArray>("/api/scenes"))!);
    }

    [Fact]
    public async Task Uploads_over_the_limit_are_refused_with_413_and_non_images_with_400()
    {
        await using var studio = await StudioFixture.StartAsync("--Studio:SceneUploadLimitBytes=1000", "--Studio:ImageUploadLimitBytes=100");
        using var big = new ByteArrayContent(new byte[5000]);
        using var tooBig = await studio.Client.PostAsync("/api/scenes", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);

        using var html = new StringContent("<html>not an image</html>");
        using var notImage = await studio.Client.PostAsync("/api/images", html);
        Assert.Equal(HttpStatusCode.BadRequest, notImage.StatusCode);
        Assert.Contains("file", (await notImage.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().Select(e => e.Key));

        using var png = new ByteArrayContent(Previz.Testing.Media.OnePixelPng());
        using var stored = await studio.Client.PostAsync("/api/images", png);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        Assert.Single(Directory.GetFiles(Path.Combine(studio.DataFolder, "images")), f => f.EndsWith(".png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_field_in_a_create_request_is_named_in_the_problem()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await studio.UploadStadiumAsync();
        using var response = await studio.Client.PostAsJsonAsync("/api/generations", new { sceneId = (string)scene["id"]!, shotId = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("breakaway", problem["errors"]!["shotId"]![0]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_api()
    {
        await using var studio = await StudioFixture.StartAsync();
        var document = (await studio.Client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/generations", paths);
        Assert.Contains("/api/gallery/{id}/media", paths);
        Assert.Contains("/api/scenes/validate", paths);
        Assert.Contains("/api/scenes/{id}/shots/{shotId}/options", paths);
        Assert.Contains("/api/scenes/{id}/prompt", paths);
        Assert.Contains("/api/scenes/{id}/estimate", paths);
        Assert.Contains("/api/scenes/{id}/shots/{shotId}/still", paths);
    }

    [Fact]
    public async Task With_a_token_every_request_must_carry_it()
    {
        await using var studio = await StudioFixture.StartAsync("--PREVIZ_TOKEN=s3cret-token-value");
        using var anonymous = await studio.Client.GetAsync("/api/scenes");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var openapi = await studio.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.Unauthorized, openapi.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/scenes");
        request.Headers.Authorization = new("Bearer", "s3cret-token-value");
        using var allowed = await studio.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using var query = await studio.Client.GetAsync("/?access_token=s3cret-token-value");
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        using var wrong = await studio.Client.GetAsync("/?access_token=s3cret-token-valuX");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Binding_beyond_loopback_without_a_token_is_refused()
    {
        var data = Path.Combine(Path.GetTempPath(), "previz-studio-tests", Guid.NewGuid().ToString("N"));
        await using var app = StudioHost.BuildServe([$"--PREVIZ_DATA={data}", "--Studio:Jobs:RunWorkers=false"], "http://0.0.0.0:0");
        await app.StartAsync();
        var error = Assert.ThrowsAny<UserErrorException>(() => Security.BindingGuard.CheckListening(app.Services));
        await app.StopAsync();
        Assert.Contains("PREVIZ_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.True(Security.BindingGuard.IsLoopback("http://127.0.0.1:5080"));
        Assert.True(Security.BindingGuard.IsLoopback("http://localhost:5080"));
        Assert.True(Security.BindingGuard.IsLoopback("http://[::1]:5080"));
        Assert.False(Security.BindingGuard.IsLoopback("http://*:5080"));
        Assert.False(Security.BindingGuard.IsLoopback("http://192.168.1.4:5080"));
    }
}
