using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Previz.Testing;

namespace Previz.Studio.Tests.Api;

/// <summary>What reaches the studio's edge: uploads, ranges and tokens in the query.</summary>
public sealed class UploadEdgeTests
{
    [Fact]
    public async Task A_png_signature_followed_by_html_is_refused_and_nothing_is_stored()
    {
        await using var studio = await StudioFixture.StartAsync();
        byte[] disguised = [.. Media.OnePixelPng()[..16], .. Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>")];

        using var response = await studio.Client.PostAsync("/api/images", new ByteArrayContent(disguised));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains("starts like a PNG image but", (string)problem["errors"]!["file"]![0]!, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(studio.DataFolder, "images")));
    }

    [Fact]
    public async Task A_real_picture_is_stored_and_served_as_what_it_is()
    {
        await using var studio = await StudioFixture.StartAsync();

        using var response = await studio.Client.PostAsync("/api/images", new ByteArrayContent(Media.OnePixelPng()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        using var served = await studio.Client.GetAsync($"/api/images/{id}");
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", Assert.Single(served.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(Media.OnePixelPng(), await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_chunked_upload_over_the_limit_is_refused_without_being_held_in_memory()
    {
        const int limit = 16 * 1024 * 1024;
        await using var studio = await StudioFixture.StartAsync($"--Studio:SceneUploadLimitBytes={limit}");
        using var body = new ChunkedBody(3 * limit);

        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var response = await studio.Client.PostAsync("/api/scenes", body);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(body.Headers.ContentLength);
        // Buffered, the 16 MB read before the refusal would cost at least as much again in memory.
        Assert.True(allocated < limit / 2, $"{allocated / 1024 / 1024} MB allocated for a refused {limit / 1024 / 1024} MB body");
        Assert.Empty(Directory.GetFiles(Path.Combine(studio.DataFolder, "tmp")));
    }

    [Fact]
    public async Task A_chunked_upload_within_the_limit_is_read_whole()
    {
        await using var studio = await StudioFixture.StartAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "stadium.previz.json"));
        using var body = new StreamContent(new NonSeekableStream(bytes));

        using var response = await studio.Client.PostAsync("/api/scenes/validate", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Stadium", (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["name"]!);
    }

    [Fact]
    public async Task A_range_in_another_unit_than_bytes_gets_the_whole_clip()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await studio.UploadStadiumAsync();
        using var create = await studio.Client.PostAsJsonAsync("/api/generations", new { sceneId = (string)scene["id"]!, shotId = "breakaway", options = new { pass = "wireframe", duration = 0.5 } });
        var id = (string)(await create.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var done = await studio.WaitForAsync(id, g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(2));
        var media = $"/api/gallery/{(string)done["galleryItemId"]!}/media";
        var whole = await studio.Client.GetByteArrayAsync(media);

        using var items = new HttpRequestMessage(HttpMethod.Get, media);
        items.Headers.TryAddWithoutValidation("Range", "items=0-5");
        using var response = await studio.Client.SendAsync(items);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentRange);
        Assert.Equal(whole.Length, (await response.Content.ReadAsByteArrayAsync()).Length);
        using var bytes = new HttpRequestMessage(HttpMethod.Get, media);
        bytes.Headers.Range = new RangeHeaderValue(0, 5);
        using var partial = await studio.Client.SendAsync(bytes);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(6, (await partial.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_token_in_the_query_opens_pages_and_media_but_no_api_call()
    {
        const string token = "s3cret-query-token";
        await using var studio = await StudioFixture.StartAsync($"--PREVIZ_TOKEN={token}");
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/api/images") { Content = new ByteArrayContent(Media.OnePixelPng()) };
        upload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var stored = await studio.Client.SendAsync(upload);
        var imageId = (string)(await stored.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        var scene = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "stadium.previz.json"));

        using var page = await studio.Client.GetAsync($"/?access_token={token}");
        using var image = await studio.Client.GetAsync($"/api/images/{imageId}?access_token={token}");
        using var list = await studio.Client.GetAsync($"/api/scenes?access_token={token}");
        using var post = await studio.Client.PostAsync($"/api/scenes?access_token={token}", new ByteArrayContent(scene));
        using var delete = await studio.Client.DeleteAsync($"/api/gallery/{Guid.NewGuid()}?access_token={token}");
        using var pagePost = await studio.Client.PostAsync($"/?access_token={token}", new StringContent(""));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, pagePost.StatusCode);
    }

    /// <summary>A body without a length (sent chunked), made as it is read.</summary>
    private sealed class ChunkedBody(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (long sent = 0; sent < length; sent += chunk.Length)
            {
                try
                {
                    await stream.WriteAsync(chunk);
                }
                catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
                {
                    // The server answered 413 and stopped reading.
                    return;
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>A stream with no length: its content goes chunked.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
