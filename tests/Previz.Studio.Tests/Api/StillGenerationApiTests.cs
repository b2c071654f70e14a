using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Testing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Studio.Tests.Api;

/// <summary>Image mode in the studio: a hosted image model's still through the jobs into the gallery, and back out as a frame.</summary>
public sealed class StillGenerationApiTests
{
    private const int Width = 320;
    private const int Height = 180;

    [Fact]
    public async Task An_image_mode_generation_stores_the_vendors_still_in_the_gallery_as_a_png_with_a_poster_and_it_can_be_a_start_frame()
    {
        await using var fal = await LoopbackVendor.StartAsync(await TwoHalvesPngAsync());
        fal.WorkTime = TimeSpan.FromMilliseconds(500);
        await using var studio = await StudioFixture.StartAsync(HostedChoices.Settings(fal));
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;

        using var create = await studio.Client.PostAsJsonAsync("/api/generations", new JsonObject
        {
            ["sceneId"] = sceneId,
            ["shotId"] = "breakaway",
            ["mode"] = "image",
            ["modelId"] = "imagen-4",
            ["seed"] = 7,
        });
        var created = JsonNode.Parse(await create.Content.ReadAsStringAsync())!;
        Assert.True(create.StatusCode == HttpStatusCode.Accepted, created.ToJsonString());
        Assert.Equal("image", (string)created["mode"]!);
        Assert.Equal(0.05, (double)created["estimatedCostUsd"]!, 6); // one image × $0.05

        var done = await studio.WaitForAsync((string)created["id"]!, g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(2));
        Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());
        var (endpoint, body) = Assert.Single(fal.Submitted);
        Assert.Equal("fal-ai/imagen4/preview", endpoint);
        Assert.Equal(7, (int)body["seed"]!);

        var itemId = (string)done["galleryItemId"]!;
        var item = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/gallery/{itemId}"))!;
        Assert.Equal("image/png", (string)item["contentType"]!);
        Assert.EndsWith("-still.png", (string)item["downloadName"]!, StringComparison.Ordinal);
        Assert.Equal("image", (string)item["provenance"]!["mode"]!);
        Assert.Equal("imagen-4", (string)item["provenance"]!["modelId"]!);
        Assert.Equal("decoded and kept as PNG", (string)item["provenance"]!["finishing"]!);
        Assert.Equal(0.05, (double)item["provenance"]!["billedCostUsd"]!, 6);

        // The stored still is the vendor's picture, pixel for pixel: red on the left, blue on the right.
        using var media = await studio.Client.GetAsync($"/api/gallery/{itemId}/media");
        Assert.Equal("image/png", media.Content.Headers.ContentType?.MediaType);
        using (var still = Image.Load<Rgba32>(await media.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((Width, Height), (still.Width, still.Height));
            Assert.Equal(new Rgba32(220, 30, 30), still[40, 90]);
            Assert.Equal(new Rgba32(30, 30, 220), still[Width - 40, 90]);
        }

        // Its poster is a JPEG of the same picture (lossy, so within a tolerance).
        using var posterAnswer = await studio.Client.GetAsync($"/api/gallery/{itemId}/poster");
        Assert.Equal(HttpStatusCode.OK, posterAnswer.StatusCode);
        using (var poster = Image.Load<Rgba32>(await posterAnswer.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal(Width, poster.Width);
            Assert.InRange(poster[40, 90].R, 190, 255);
            Assert.InRange(poster[Width - 40, 90].B, 190, 255);
        }

        using var download = await studio.Client.GetAsync($"/api/gallery/{itemId}/download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("-still.png", download.Content.Headers.ContentDisposition?.ToString() ?? string.Empty, StringComparison.Ordinal);

        // The still as a start frame: the picture itself is what the video model is sent.
        using var next = await studio.Client.PostAsJsonAsync("/api/generations", new JsonObject
        {
            ["sceneId"] = sceneId,
            ["shotId"] = "breakaway",
            ["mode"] = "start-frame",
            ["modelId"] = HostedChoices.Model,
            ["options"] = new JsonObject { ["startFrame"] = $"gallery:{itemId}" },
        });
        var nextBody = JsonNode.Parse(await next.Content.ReadAsStringAsync())!;
        Assert.True(next.StatusCode == HttpStatusCode.Accepted, nextBody.ToJsonString());
        await studio.WaitForAsync((string)nextBody["id"]!, g => (string)g["state"]! is "succeeded" or "failed" || fal.Submits >= 2, TimeSpan.FromMinutes(2));
        var sent = fal.Submitted.Last().Body;
        Assert.True(fal.Uploads.TryGetValue((string)sent["start_image_url"]!, out var upload), sent.ToJsonString());
        using (var frame = Image.Load<Rgba32>(upload.Content))
        {
            // Fitted to the model's frame, but still red on the left and blue on the right.
            var y = frame.Height / 2;
            Assert.InRange(frame[frame.Width / 8, y].R, 180, 255);
            Assert.InRange(frame[frame.Width / 8, y].B, 0, 80);
            Assert.InRange(frame[frame.Width * 7 / 8, y].B, 180, 255);
            Assert.InRange(frame[frame.Width * 7 / 8, y].R, 0, 80);
        }

        // Re-run and delete work as for clips.
        using var rerun = await studio.Client.PostAsync($"/api/gallery/{itemId}/rerun", null);
        Assert.Equal(HttpStatusCode.Accepted, rerun.StatusCode);
        using var delete = await studio.Client.DeleteAsync($"/api/gallery/{itemId}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await studio.Client.GetAsync($"/api/gallery/{itemId}/media");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_direct_render_still_through_the_jobs_is_the_shot_at_the_capture_time()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;

        using var create = await studio.Client.PostAsJsonAsync("/api/generations", new JsonObject
        {
            ["sceneId"] = sceneId,
            ["shotId"] = "breakaway",
            ["mode"] = "image",
            ["modelId"] = "direct-render-still",
            ["options"] = new JsonObject { ["startFrame"] = "capture:2", ["pass"] = "shaded" },
        });
        var created = JsonNode.Parse(await create.Content.ReadAsStringAsync())!;
        Assert.True(create.StatusCode == HttpStatusCode.Accepted, created.ToJsonString());
        var done = await studio.WaitForAsync((string)created["id"]!, g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(2));
        Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());

        var itemId = (string)done["galleryItemId"]!;
        var item = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/gallery/{itemId}"))!;
        Assert.Equal("image/png", (string)item["contentType"]!);
        using var stored = Image.Load<Rgba32>(await studio.Client.GetByteArrayAsync($"/api/gallery/{itemId}/media"));
        using var expected = Image.Load<Rgba32>(await studio.Client.GetByteArrayAsync($"/api/scenes/{sceneId}/shots/breakaway/still?t=2&pass=shaded&resolution=1k"));
        using var first = Image.Load<Rgba32>(await studio.Client.GetByteArrayAsync($"/api/scenes/{sceneId}/shots/breakaway/still?t=0&pass=shaded&resolution=1k"));
        Assert.Equal((expected.Width, expected.Height), (stored.Width, stored.Height));
        var atTwo = PixelStatistics.MeanAbsoluteDifference(stored, expected);
        Assert.True(atTwo < 2, $"mean absolute error against the still at 2 s: {atTwo:0.00}");
        Assert.True(PixelStatistics.MeanAbsoluteDifference(stored, first) > atTwo, "the still is the shot at 2 s, not its first frame");
    }
    /// <summary>The vendor's still: red on the left half, blue on the right.</summary>
    private static async Task<byte[]> TwoHalvesPngAsync()
    {
        using var image = new Image<Rgba32>(Width, Height);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                image[x, y] = x < Width / 2 ? new Rgba32(220, 30, 30) : new Rgba32(30, 30, 220);
            }
        }

        using var stream = new MemoryStream();
        await image.SaveAsPngAsync(stream, new PngEncoder());
        return stream.ToArray();
    }
}
