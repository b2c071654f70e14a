using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Testing;

namespace Previz.Studio.Tests.Api;

public sealed class GenerationApiTests
{
    private const string PlantedKey = "fal-planted-key-5b1f0c9e7d2a4c7f";

    [Fact]
    public async Task A_direct_render_runs_to_the_gallery_with_poster_provenance_range_requests_and_a_readable_name()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await studio.UploadStadiumAsync();
        Assert.Equal(2, scene["shots"]!.AsArray().Count);

        using var create = await studio.Client.PostAsJsonAsync("/api/generations", new { sceneId = (string)scene["id"]!, shotId = "breakaway", options = new { pass = "wireframe", resolution = "1k" } });
        Assert.Equal(HttpStatusCode.Accepted, create.StatusCode);
        var id = (string)(await create.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var done = await studio.WaitForAsync(id, g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(2));
        Assert.Equal("succeeded", (string)done["state"]!);
        Assert.Equal(1.0, (double)done["progress"]!);
        var itemId = (string)done["galleryItemId"]!;

        var item = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/gallery/{itemId}"))!;
        Assert.Equal("stadium-breakaway-direct-render-4s.mp4", (string)item["downloadName"]!);
        var provenance = item["provenance"]!;
        Assert.Equal((string)scene["contentHash"]!, (string)provenance["sceneContentHash"]!);
        Assert.Equal("breakaway", (string)provenance["shotId"]!);
        Assert.Equal("wireframe", (string)provenance["options"]!["pass"]!);

        using var range = new HttpRequestMessage(HttpMethod.Get, $"/api/gallery/{itemId}/media");
        range.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await studio.Client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(100, (await partial.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal(100, partial.Content.Headers.ContentRange!.From);

        using var download = await studio.Client.GetAsync($"/api/gallery/{itemId}/download");
        Assert.Equal("stadium-breakaway-direct-render-4s.mp4", download.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(bytes, 4, 4));

        using var poster = await studio.Client.GetAsync($"/api/gallery/{itemId}/poster");
        Assert.Equal("image/jpeg", poster.Content.Headers.ContentType!.MediaType);

        var mediaFiles = Directory.GetFiles(Path.Combine(studio.DataFolder, "media"));
        Assert.Equal(2, mediaFiles.Length);
        using var delete = await studio.Client.DeleteAsync($"/api/gallery/{itemId}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty(Directory.GetFiles(Path.Combine(studio.DataFolder, "media")));
        using var gone = await studio.Client.GetAsync($"/api/gallery/{itemId}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_hosted_job_is_submitted_once_polled_fetched_and_no_response_or_log_or_record_holds_the_key()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        await using var studio = await StudioFixture.StartAsync(HostedChoices.Settings(fal, PlantedKey));
        var scene = await studio.UploadStadiumAsync();
        var request = HostedChoices.Create((string)scene["id"]!, "a breakaway");
        var bodies = new List<string>();
        using var create = await studio.Client.PostAsJsonAsync("/api/generations", request);
        bodies.Add(await create.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Accepted, create.StatusCode);
        var id = (string)JsonNode.Parse(bodies[0])!["id"]!;

        var done = await studio.WaitForAsync(id, g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(1));
        Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());
        Assert.Equal(1, fal.Submits);
        Assert.NotNull((string?)done["vendorRequestId"]);
        Assert.Contains($"Key {PlantedKey}", fal.AuthorizationHeaders);

        bodies.Add(await studio.Client.GetStringAsync($"/api/generations/{id}"));
        bodies.Add(await studio.Client.GetStringAsync("/api/generations"));
        bodies.Add(await studio.Client.GetStringAsync("/api/gallery"));
        using var missing = await studio.Client.PostAsJsonAsync("/api/generations", new { sceneId = Guid.NewGuid() });
        bodies.Add(await missing.Content.ReadAsStringAsync());
        foreach (var text in bodies.Concat(studio.Logs.Lines))
        {
            Assert.DoesNotContain(PlantedKey, text, StringComparison.Ordinal);
        }

        // The logs were read down to trace level, below the product's quiet defaults, with the entries of the vendor calls.
        Assert.Contains(studio.Logs.Lines, line => line.Contains(" Trace: ", StringComparison.Ordinal));
        Assert.Contains(studio.Logs.Lines, line => line.StartsWith("Polly ", StringComparison.Ordinal));

        var db = await File.ReadAllBytesAsync(Path.Combine(studio.DataFolder, "previz.db"));
        Assert.DoesNotContain(PlantedKey, System.Text.Encoding.UTF8.GetString(db), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Canceling_a_hosted_job_reaches_the_vendor_and_retry_makes_a_linked_attempt()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromMinutes(5);
        await using var studio = await StudioFixture.StartAsync(HostedChoices.Settings(fal, PlantedKey));
        var scene = await studio.UploadStadiumAsync();
        using var create = await studio.Client.PostAsJsonAsync("/api/generations", HostedChoices.Create((string)scene["id"]!));
        var id = (string)(await create.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await studio.WaitForAsync(id, g => (string)g["state"]! == "running", TimeSpan.FromSeconds(30));

        using var cancel = await studio.Client.PostAsync($"/api/generations/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        await studio.WaitForAsync(id, g => (string)g["state"]! == "canceled", TimeSpan.FromSeconds(30));
        Assert.Equal(1, fal.Cancels);

        using var retry = await studio.Client.PostAsync($"/api/generations/{id}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var next = (await retry.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(id, (string)next["retryOf"]!);
        Assert.Equal(2, (int)next["attempt"]!);
        Assert.NotEqual(id, (string)next["id"]!);
    }
}
