using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Studio.Tests.Api;

namespace Previz.Studio.Tests.Jobs;

/// <summary>Every generation ends: a step that keeps failing ends Failed, a cancel ends Canceled, whatever the step does.</summary>
public sealed class StepEndTests
{
    [Fact]
    public async Task A_render_step_that_keeps_failing_ends_failed_with_the_reason_and_can_be_retried()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await studio.UploadStadiumAsync();
        BreakMediaFolder(studio);

        var id = await CreateShortRenderAsync(studio, scene);
        var done = await studio.WaitForAsync(id, g => (string)g["state"]! is "failed" or "succeeded" or "canceled", TimeSpan.FromSeconds(90));

        Assert.Equal("failed", (string)done["state"]!);
        Assert.Equal("step", (string)done["errorCategory"]!);
        Assert.Contains("failed 4 times", (string)done["error"]!, StringComparison.Ordinal);
        Assert.Contains("DirectoryNotFoundException", (string)done["error"]!, StringComparison.Ordinal);
        Assert.False((bool)done["needsAttention"]!);
        Assert.Empty(Directory.GetFiles(Path.Combine(studio.DataFolder, "tmp"), $"*{Guid.Parse(id):N}.*"));
        using var retry = await studio.Client.PostAsync($"/api/generations/{id}/retry", null);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
    }

    [Fact]
    public async Task Canceling_a_render_that_keeps_failing_ends_it_canceled_at_once()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await studio.UploadStadiumAsync();
        BreakMediaFolder(studio);
        var id = await CreateShortRenderAsync(studio, scene);
        // Attempts start at about 0, 1 and 6 s (and the last at 21 s) and take a second or two each: at 10 s the step
        // waits for a retry many seconds away, or is in its third attempt.
        await studio.WaitForAsync(id, g => (string)g["state"]! == "running", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(10));
        var waiting = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/generations/{id}"))!;
        Assert.True((string)waiting["state"]! is "running" or "fetching", waiting.ToJsonString());

        var watch = Stopwatch.StartNew();
        using var cancel = await studio.Client.PostAsync($"/api/generations/{id}/cancel", null);
        var done = await studio.WaitForAsync(id, g => (string)g["state"]! is "failed" or "succeeded" or "canceled", TimeSpan.FromSeconds(30));

        Assert.Equal("canceled", (string)done["state"]!);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the cancel took {watch.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>A disk fault that fails every attempt of the step: the media folder is a file, so no clip can be stored.</summary>
    private static void BreakMediaFolder(StudioFixture studio)
    {
        var media = Path.Combine(studio.DataFolder, "media");
        Directory.Delete(media, true);
        File.WriteAllText(media, "not a folder");
    }

    private static async Task<string> CreateShortRenderAsync(StudioFixture studio, JsonObject scene)
    {
        using var create = await studio.Client.PostAsJsonAsync("/api/generations", new { sceneId = (string)scene["id"]!, shotId = "breakaway", options = new { pass = "wireframe", duration = 0.5 } });
        Assert.True(create.StatusCode == HttpStatusCode.Accepted, await create.Content.ReadAsStringAsync());
        return (string)(await create.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }
}
