using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Rendering.Video;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Studio.Tests.Api;

public sealed class GuidePreviewApiTests
{
    [Fact]
    public async Task The_guide_preview_is_the_depth_video_the_model_is_sent_at_its_size_rate_and_length()
    {
        await using var studio = await StudioFixture.StartAsync();
        var sceneId = (string)(await studio.UploadStadiumAsync())["id"]!;
        var guide = ModelCatalog.Default.Get("wan-2.2-vace-depth").Inputs.GuideVideo!;
        Assert.Equal(GuidePass.Depth, guide.Pass);

        using var response = await studio.Client.GetAsync($"/api/scenes/{sceneId}/shots/breakaway/guide?model=wan-2.2-vace-depth");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
        var video = Path.Combine(studio.DataFolder, "guide-under-test.mp4");
        await File.WriteAllBytesAsync(video, await response.Content.ReadAsByteArrayAsync());

        var media = new MediaTool();
        var probe = await media.ProbePacketsAsync(video, CancellationToken.None);
        Assert.True(Math.Max(probe.Width, probe.Height) <= guide.MaxLongEdge, $"{probe.Width}×{probe.Height} is over the model's {guide.MaxLongEdge}-pixel long edge");
        Assert.Equal(0, probe.Width % guide.SizeStep);
        Assert.Equal(0, probe.Height % guide.SizeStep);
        Assert.InRange(probe.FrameCount, guide.MinFrames, guide.MaxFrames);
        Assert.InRange(probe.AverageFrameRate, guide.MinFps - 0.01, guide.MaxFps + 0.01);
        // 4 s of breakaway at the model's rate, in the frame steps it takes.
        Assert.InRange(probe.FrameCount / probe.AverageFrameRate, 4 - (guide.FrameStep / probe.AverageFrameRate) - 0.01, 4 + (guide.FrameStep / probe.AverageFrameRate) + 0.01);

        // A depth pass: grey levels (near is light, far is dark), not a shaded picture.
        var png = Path.Combine(studio.DataFolder, "guide-frame.png");
        await media.FrameAsync(video, png, 1.0, CancellationToken.None);
        using var frame = await Image.LoadAsync<Rgb24>(png);
        var levels = new HashSet<int>();
        var coloured = 0;
        var samples = 0;
        for (var y = 0; y < frame.Height; y += 5)
        {
            for (var x = 0; x < frame.Width; x += 5)
            {
                var p = frame[x, y];
                samples++;
                coloured += Math.Max(Math.Abs(p.R - p.G), Math.Abs(p.G - p.B)) > 12 ? 1 : 0;
                levels.Add(p.G / 16);
            }
        }

        Assert.True(coloured < samples / 50, $"{coloured} of {samples} samples are coloured: this is not a depth pass");
        Assert.True(levels.Count >= 4, $"only {levels.Count} grey levels: the depth pass looks flat");

        // Cached: the second request renders nothing new.
        var cached = Directory.GetFiles(Path.Combine(studio.DataFolder, "tmp", "guides"), "*.mp4");
        Assert.Single(cached);
        Assert.Equal(await File.ReadAllBytesAsync(video), await studio.Client.GetByteArrayAsync($"/api/scenes/{sceneId}/shots/breakaway/guide?model=wan-2.2-vace-depth"));
        Assert.Single(Directory.GetFiles(Path.Combine(studio.DataFolder, "tmp", "guides"), "*.mp4"));
    }

    [Fact]
    public async Task A_model_that_takes_no_guide_video_is_refused_naming_the_models_that_do()
    {
        await using var studio = await StudioFixture.StartAsync();
        var sceneId = (string)(await studio.UploadStadiumAsync())["id"]!;

        using var response = await studio.Client.GetAsync($"/api/scenes/{sceneId}/shots/breakaway/guide?model=kling-2.6-pro");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var message = (string)problem["errors"]!["modelId"]![0]!;
        Assert.Contains("Kling 2.6 Pro takes no guide video", message, StringComparison.Ordinal);
        Assert.Contains("wan-2.2-vace-depth", message, StringComparison.Ordinal);
    }
}
