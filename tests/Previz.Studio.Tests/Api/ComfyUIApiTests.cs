using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Rendering.Video;
using Previz.Testing;

namespace Previz.Studio.Tests.Api;

/// <summary>From Animation on the user's ComfyUI server through the studio's API, against the ComfyUI stand-in.</summary>
public sealed class ComfyUIApiTests
{
    [Fact]
    public async Task A_comfyui_generation_uploads_the_depth_guide_succeeds_for_free_and_after_a_server_restart_fails_with_the_reason_and_retries()
    {
        await using var comfy = await LoopbackComfyUI.StartAsync(TestClip.FiveSecondMp4);
        comfy.RunTime = TimeSpan.FromSeconds(1);
        await using var studio = await StudioFixture.StartAsync($"--Providers:ComfyUI:Url={comfy.BaseUri}");
        var scene = await studio.UploadStadiumAsync();
        var choices = new JsonObject
        {
            ["sceneId"] = (string)scene["id"]!,
            ["shotId"] = "breakaway",
            ["mode"] = "from-animation",
            ["modelId"] = "comfyui-wan-vace-depth",
            ["options"] = new JsonObject { ["resolution"] = "1k" },
        };

        using var create = await studio.Client.PostAsJsonAsync("/api/generations", choices);
        var created = (await create.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(create.StatusCode == HttpStatusCode.Accepted, created.ToJsonString());
        Assert.Equal(0, (double)created["estimatedCostUsd"]!);
        var done = await studio.WaitForAsync((string)created["id"]!, g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(2));
        Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());

        // The workflow the server ran reads the uploaded depth guide; the gallery clip is the shot's 4 s.
        var workflow = Assert.Single(comfy.Workflows);
        var guide = Assert.Single(comfy.Inputs.Values);
        Assert.Equal(guide.Name, (string?)workflow["6"]!["inputs"]!["file"]);
        var itemId = (string)done["galleryItemId"]!;
        var clip = Path.Combine(studio.DataFolder, "comfy.mp4");
        await File.WriteAllBytesAsync(clip, await studio.Client.GetByteArrayAsync($"/api/gallery/{itemId}/media"));
        Assert.InRange((await MediaTool.Default.ProbeAsync(clip, CancellationToken.None)).DurationSeconds, 4 - (1 / 24.0), 4 + (1 / 24.0));
        var provenance = JsonNode.Parse(await studio.Client.GetStringAsync($"/api/gallery/{itemId}"))!["provenance"]!;
        Assert.Equal("comfyui", (string)provenance["provider"]!);
        Assert.Equal("depth", (string)provenance["guide"]!["pass"]!);
        Assert.Equal((int)workflow["8"]!["inputs"]!["length"]!, (int)provenance["guide"]!["frames"]!);

        // The server restarts while the next job runs: it fails saying so, and a retry runs again.
        comfy.RunTime = TimeSpan.FromSeconds(4);
        using var second = await studio.Client.PostAsJsonAsync("/api/generations", choices);
        var secondId = (string)(await second.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await studio.WaitForAsync(secondId, g => (string)g["state"]! == "running", TimeSpan.FromMinutes(1));
        comfy.Restart();
        var failed = await studio.WaitForAsync(secondId, g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(1));
        Assert.True((string)failed["state"]! == "failed", failed.ToJsonString());
        Assert.Contains("no longer knows prompt", (string?)failed["error"], StringComparison.Ordinal);
        Assert.Contains(comfy.BaseUri.AbsoluteUri.TrimEnd('/'), (string?)failed["error"], StringComparison.Ordinal);

        comfy.RunTime = TimeSpan.FromSeconds(1);
        using var retry = await studio.Client.PostAsync($"/api/generations/{secondId}/retry", null);
        var again = (await retry.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(retry.StatusCode == HttpStatusCode.Accepted, again.ToJsonString());
        var retried = await studio.WaitForAsync((string)again["id"]!, g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(2));
        Assert.True((string)retried["state"]! == "succeeded", retried.ToJsonString());
    }
}
