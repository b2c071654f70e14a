using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Rendering.Video;
using Previz.Testing;

namespace Previz.Studio.Tests.Api;

/// <summary>
/// Every hosted guide-video route of From Animation through the studio's API, against the loopback vendors: planned,
/// its guide pass rendered and sent the vendor's way, polled to the end by the job engine, and finished into the gallery
/// with the guide in the clip's provenance.
/// </summary>
public sealed class GuideRoutesApiTests
{
    private const string Key = "guide-route-test-key-7d1e";

    [Theory]
    [InlineData("wan-2.2-vace-depth", "FAL_KEY", "depth")]
    [InlineData("luma-ray-3.2-v2v", "FAL_KEY", "shaded")]
    [InlineData("kling-2.6-motion-control", "FAL_KEY", "shaded")]
    [InlineData("gemini-omni-flash", "FAL_KEY", "shaded")]
    [InlineData("runway-aleph-2", "RUNWAYML_API_SECRET", "shaded")]
    [InlineData("seedance-2.0-runway-v2v", "RUNWAYML_API_SECRET", "shaded")]
    [InlineData("luma-ray-3.2-edit-luma", "LUMA_AGENTS_API_KEY", "shaded")]
    public async Task A_guide_route_runs_end_to_end_through_the_studio_and_its_clip_records_the_guide_it_was_sent(string model, string keyVariable, string pass)
    {
        await using var vendor = await LoopbackVendor.StartAsync(TestClip.Unfinished(5));
        string[] settings = [.. vendor.ProviderSettings.Select(s => $"--{s.Key}={s.Value}"), $"--{keyVariable}={Key}"];
        await using var studio = await StudioFixture.StartAsync(settings);
        var scene = await studio.UploadStadiumAsync();

        using var create = await studio.Client.PostAsJsonAsync("/api/generations", new JsonObject
        {
            ["sceneId"] = (string)scene["id"]!,
            ["shotId"] = "breakaway",
            ["mode"] = "from-animation",
            ["modelId"] = model,
        });
        var created = (await create.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(create.StatusCode == HttpStatusCode.Accepted, created.ToJsonString());
        var done = await studio.WaitForAsync((string)created["id"]!, g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(3));
        Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());

        // The clip's provenance names the guide it was sent: the pass of the breakaway shot, 4 s of frames.
        var itemId = (string)done["galleryItemId"]!;
        var provenance = JsonNode.Parse(await studio.Client.GetStringAsync($"/api/gallery/{itemId}"))!["provenance"]!;
        var guide = provenance["guide"]!;
        Assert.Equal((pass, $"{pass} pass of shot breakaway"), ((string?)guide["pass"], (string?)guide["source"]));
        var (fps, frames) = ((int)guide["fps"]!, (int)guide["frames"]!);
        Assert.InRange((frames - 1) / (double)fps, 4 - (1.0 / fps), 4 + (1.0 / fps));

        // The vendor received that very video: uploaded (fal, Runway) or inline in the body (Luma's Agents API).
        var received = vendor.Uploads.Values.Where(u => u.ContentType == "video/mp4").Select(u => u.Content).SingleOrDefault()
            ?? InlineVideo(vendor);
        var copy = Path.Combine(studio.DataFolder, "received-guide.mp4");
        await File.WriteAllBytesAsync(copy, received);
        var probe = await MediaTool.Default.ProbePacketsAsync(copy, CancellationToken.None);
        Assert.Equal((frames, (int)guide["width"]!, (int)guide["height"]!), (probe.FrameCount, probe.Width, probe.Height));

        // The gallery clip is the shot's 4 s.
        var clip = Path.Combine(studio.DataFolder, "clip.mp4");
        await File.WriteAllBytesAsync(clip, await studio.Client.GetByteArrayAsync($"/api/gallery/{itemId}/media"));
        Assert.InRange((await MediaTool.Default.ProbeAsync(clip, CancellationToken.None)).DurationSeconds, 4 - (1 / 24.0), 4 + (1 / 24.0));
    }

    /// <summary>The guide sent inline (Luma's Agents API: <c>source {data, media_type}</c> of the submitted body).</summary>
    private static byte[] InlineVideo(LoopbackVendor vendor)
    {
        var submit = Assert.Single(vendor.RequestsTo("POST", "/luma/v1/generations"));
        Assert.Equal("video/mp4", (string?)submit.Json["source"]!["media_type"]);
        return Convert.FromBase64String((string?)submit.Json["source"]!["data"] ?? string.Empty);
    }
}
