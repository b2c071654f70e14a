using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;
using Previz.Studio.Reviews;
using Previz.Studio.Tests.Api;

namespace Previz.Studio.Tests.Sequences;

/// <summary>With <c>PREVIZ_TOKEN</c> set a review link works alone, and opens nothing but its own page, media and comments.</summary>
public sealed class ReviewTokenGateTests
{
    private const string StudioToken = "studio-s3cret-token";

    [Fact]
    public async Task With_PREVIZ_TOKEN_a_review_link_alone_opens_its_page_cut_media_and_comments()
    {
        await using var studio = await StudioFixture.StartAsync(SequenceFixtures.DummyKey, $"--PREVIZ_TOKEN={StudioToken}");
        studio.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StudioToken);
        var scene = await studio.UploadStadiumAsync();
        var item = await SequenceFixtures.AddBreakawayClipAsync(studio, scene);
        var (linkId, _, token) = await SequenceFixtures.ShareAsync(studio.Client, new { galleryItemId = item });

        using var reviewer = studio.App.GetTestClient();
        var page = ReviewPaths.PageOf(token);
        foreach (var path in new[] { page, $"{page}/cut", $"{page}/media/0", $"{page}/player.js", $"{page}/review.js", $"{page}/comments" })
        {
            using var response = await reviewer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), path);
        }

        using var comment = await reviewer.PostAsJsonAsync($"{page}/comments", new { author = "Client", text = "Love it", seconds = 1.5 });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        var seen = (await studio.Client.GetFromJsonAsync<JsonArray>($"/api/reviews/{linkId}/comments"))!;
        Assert.Equal("Love it", (string)Assert.Single(seen)!["text"]!);
    }

    [Fact]
    public async Task With_PREVIZ_TOKEN_a_review_link_cannot_reach_the_api_the_studio_or_another_links_media()
    {
        await using var studio = await StudioFixture.StartAsync(SequenceFixtures.DummyKey, $"--PREVIZ_TOKEN={StudioToken}");
        studio.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StudioToken);
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;
        var item = await SequenceFixtures.AddBreakawayClipAsync(studio, scene);
        var (_, _, token) = await SequenceFixtures.ShareAsync(studio.Client, new { galleryItemId = item });
        var (otherId, _, otherToken) = await SequenceFixtures.ShareAsync(studio.Client, new { sceneId });
        using (var revoke = await studio.Client.DeleteAsync($"/api/reviews/{otherId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var reviewer = studio.App.GetTestClient();
        var page = ReviewPaths.PageOf(token);
        // The studio and its API: the review token is no studio token, wherever it is put.
        foreach (var path in new[]
                 {
                     "/", "/gallery", $"/scenes/{sceneId}/sequence", "/api/scenes", $"/api/gallery/{item}/media", $"/api/scenes/{sceneId}/sequence/cut",
                     $"/api/scenes/{sceneId}/sequence/media/0", "/api/reviews", "/openapi/v1.json", "/app.css", $"{page}/other", $"{page}/media/0/x",
                     $"/api/gallery/{item}/media?access_token={token}", $"/review/{token}x/../../api/scenes",
                 })
        {
            using var response = await reviewer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {(int)response.StatusCode}");
        }

        foreach (var header in new Func<HttpRequestMessage, HttpRequestMessage>[]
                 {
                     r => { r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token); return r; },
                     r => { r.Headers.Add("X-Previz-Token", token); return r; },
                     r => { r.Headers.Add("Cookie", $"previz_token={token}"); return r; },
                 })
        {
            using var response = await reviewer.SendAsync(header(new HttpRequestMessage(HttpMethod.Get, "/api/scenes")));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // A write to the page's address is not a comment.
        using (var post = await reviewer.PostAsync(page, new StringContent("x")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        }

        // Another link's media: the revoked sequence link's, and indices this link does not have.
        foreach (var path in new[] { $"{ReviewPaths.PageOf(otherToken)}/media/0", $"{ReviewPaths.PageOf(otherToken)}/media/1", $"{page}/media/1", $"{page}/media/2" })
        {
            using var response = await reviewer.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        }

        // The token never reaches the log, in any category at any level the product writes.
        Assert.DoesNotContain(studio.Logs.Lines, l => l.StartsWith("Previz", StringComparison.Ordinal) && l.Contains(token, StringComparison.Ordinal));
    }
}
