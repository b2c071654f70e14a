using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Studio.Jobs;
using Previz.Studio.Tests.Api;
using Previz.Testing;

namespace Previz.Studio.Tests.Jobs;

/// <summary>Motion adherence as part of finishing a hosted clip.</summary>
public sealed class AdherenceFinishingTests
{
    [Fact]
    public async Task A_finished_from_animation_clip_gets_its_motion_adherence_in_the_provenance()
    {
        // The vendor sends back the shot's own Direct Render: the clip follows the authored move, so it must score
        // above clips that do not (reversed, frozen: 0 on this shot, see the Rendering tests).
        var folder = Path.Combine(Path.GetTempPath(), "previz-adherence-studio", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var stadium = Previz.Core.Loading.SceneReader.Read(await File.ReadAllTextAsync(Sample("stadium.previz.json"))).Scene;
        var render = Path.Combine(folder, "breakaway.mp4");
        await DirectRenderer.RenderToMp4Async(stadium, stadium.FindShot("breakaway")!, RenderPass.Shaded, ResolutionPreset.OneK, render);

        await using var fal = await LoopbackVendor.StartAsync(await File.ReadAllBytesAsync(render));
        await using var studio = await StudioFixture.StartAsync(HostedChoices.Settings(fal));
        var scene = await studio.UploadStadiumAsync();
        var body = HostedChoices.Create((string)scene["id"]!);
        body["mode"] = "from-animation";
        body["options"] = new JsonObject { ["startFrame"] = "capture", ["endFrame"] = "capture" };
        using var create = await studio.Client.PostAsJsonAsync("/api/generations", body);
        var created = await create.Content.ReadAsStringAsync();
        Assert.True(create.StatusCode == HttpStatusCode.Accepted, created);

        var done = await studio.WaitForAsync((string)JsonNode.Parse(created)!["id"]!, g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(3));
        Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());

        var item = JsonNode.Parse(await studio.Client.GetStringAsync($"/api/gallery/{(string)done["galleryItemId"]!}"))!;
        var adherence = item["provenance"]!["adherence"];
        Assert.NotNull(adherence);
        var score = (double)adherence["score"]!;
        Assert.True(score >= 0.5, $"the shot's own render scored {score}: {(string?)adherence["sentence"]}");
        Assert.Contains("truck move", (string)adherence["sentence"]!, StringComparison.Ordinal);
        Assert.Equal(4, adherence["perSecond"]!.AsArray().Count);
        Assert.Equal(4.0, (double)adherence["shotSeconds"]!);
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("from-animation", true)]
    [InlineData("start-end", true)]
    [InlineData("start-frame", false)]
    [InlineData("image", false)]
    public void Only_the_modes_that_promise_the_authored_motion_are_measured(string mode, bool measured) =>
        Assert.Equal(measured, ClipAdherence.Measures(mode));

    private static string Sample(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Previz.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "samples", name);
    }
}
