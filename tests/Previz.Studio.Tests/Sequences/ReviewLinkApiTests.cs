using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Persistence;
using Previz.Studio.Reviews;
using Previz.Studio.Tests.Api;

namespace Previz.Studio.Tests.Sequences;

public sealed class ReviewLinkApiTests
{
    [Fact]
    public async Task A_review_link_is_told_once_stored_as_a_hash_listed_without_it_and_revoked_to_the_same_404_as_a_guess()
    {
        await using var studio = await StudioFixture.StartAsync(SequenceFixtures.DummyKey);
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;

        var (id, url, token) = await SequenceFixtures.ShareAsync(studio.Client, new { sceneId });
        Assert.Matches("^http://[^/]+/review/[A-Za-z0-9_-]{43}$", url);
        Assert.True(ReviewToken.IsWellFormed(token));

        await using (var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext())
        {
            var stored = await db.ReviewLinks.AsNoTracking().SingleAsync();
            Assert.Equal(ReviewToken.Hash(token), stored.TokenHash);
            Assert.DoesNotContain(token, stored.TokenHash + stored.Title, StringComparison.Ordinal);
        }

        var listed = await studio.Client.GetStringAsync($"/api/reviews?sceneId={sceneId}");
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(token, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("url", listed, StringComparison.Ordinal);
        Assert.Equal("sequence", (string)JsonNode.Parse(listed)![0]!["target"]!);

        using (var page = await studio.Client.GetAsync(ReviewPaths.PageOf(token)))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
            Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Stadium", html, StringComparison.Ordinal);
            // Nothing of the studio: no Blazor, no navigation, no API address.
            Assert.DoesNotContain("blazor", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("/api/", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<nav", html, StringComparison.Ordinal);
        }

        var cut = (await studio.Client.GetFromJsonAsync<JsonObject>($"{ReviewPaths.PageOf(token)}/cut"))!;
        Assert.Equal(2, cut["clips"]!.AsArray().Count);
        Assert.DoesNotContain(sceneId, cut.ToJsonString(), StringComparison.Ordinal);
        using (var script = await studio.Client.GetAsync($"{ReviewPaths.PageOf(token)}/player.js"))
        {
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Contains("class SequencePlayer", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var revoked = await studio.Client.DeleteAsync($"/api/reviews/{id}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var listedAfter = (await studio.Client.GetFromJsonAsync<JsonArray>($"/api/reviews?sceneId={sceneId}"))!;
        Assert.NotNull(listedAfter[0]!["revokedAt"]);

        var guessed = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var answers = new List<string>();
        foreach (var path in new[]
                 {
                     ReviewPaths.PageOf(token), $"{ReviewPaths.PageOf(token)}/cut", $"{ReviewPaths.PageOf(token)}/media/0", $"{ReviewPaths.PageOf(token)}/comments",
                     ReviewPaths.PageOf(guessed), ReviewPaths.PageOf("not-a-token"), ReviewPaths.PageOf(new string('a', 500)), $"{ReviewPaths.PageOf(guessed)}/media/0",
                 })
        {
            using var response = await studio.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            answers.Add($"{response.Content.Headers.ContentType} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Single(answers.Distinct());
        using var late = await studio.Client.PostAsJsonAsync($"{ReviewPaths.PageOf(token)}/comments", new { author = "Ann", text = "late", seconds = 1 });
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    [Fact]
    public async Task Comments_left_through_a_review_link_reach_the_studio_in_time_order()
    {
        await using var studio = await StudioFixture.StartAsync(SequenceFixtures.DummyKey);
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;
        var (id, _, token) = await SequenceFixtures.ShareAsync(studio.Client, new { sceneId });
        var comments = $"{ReviewPaths.PageOf(token)}/comments";

        using (var later = await studio.Client.PostAsJsonAsync(comments, new { author = "Dana (director)", text = "Hold the crane longer.", seconds = 6.25 }))
        {
            Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        }

        using (var earlier = await studio.Client.PostAsJsonAsync(comments, new { author = "Sam", text = "Striker <b>too</b> small here", seconds = 9.5 }))
        {
            Assert.Equal(HttpStatusCode.Created, earlier.StatusCode);
        }

        using (var first = await studio.Client.PostAsJsonAsync(comments, new { author = "Sam", text = "Open on the crowd?", seconds = 0 }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        foreach (var (body, field) in new (object Body, string Field)[]
                 {
                     (new { author = "", text = "x", seconds = 1 }, "author"),
                     (new { author = "Sam", text = "  ", seconds = 1 }, "text"),
                     (new { author = "Sam", text = "x", seconds = 12.5 }, "seconds"),
                     (new { author = "Sam", text = "x", seconds = -1 }, "seconds"),
                     (new { author = new string('n', 81), text = "x", seconds = 1 }, "author"),
                 })
        {
            using var refused = await studio.Client.PostAsJsonAsync(comments, body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotNull((await refused.Content.ReadFromJsonAsync<JsonObject>())!["errors"]![field]);
        }

        var ofLink = (await studio.Client.GetFromJsonAsync<JsonArray>($"/api/reviews/{id}/comments"))!;
        Assert.Equal([0, 6.25, 9.5], ofLink.Select(c => (double)c!["seconds"]!));
        Assert.Equal("Striker <b>too</b> small here", (string)ofLink[2]!["text"]!);
        var ofSequence = (await studio.Client.GetFromJsonAsync<JsonArray>($"/api/scenes/{sceneId}/sequence/comments"))!;
        Assert.Equal(3, ofSequence.Count);
        Assert.All(ofSequence, c => Assert.Equal(id, (string)c!["linkId"]!));
        var onPage = (await studio.Client.GetFromJsonAsync<JsonArray>(comments))!;
        Assert.Equal(3, onPage.Count);
    }

    [Fact]
    public async Task A_review_link_to_a_gallery_clip_plays_that_clip_and_nothing_else()
    {
        await using var studio = await StudioFixture.StartAsync(SequenceFixtures.DummyKey);
        var scene = await studio.UploadStadiumAsync();
        var item = await SequenceFixtures.AddBreakawayClipAsync(studio, scene);
        var (_, _, token) = await SequenceFixtures.ShareAsync(studio.Client, new { galleryItemId = item });
        var (_, _, sequenceToken) = await SequenceFixtures.ShareAsync(studio.Client, new { sceneId = (string)scene["id"]! });

        var cut = (await studio.Client.GetFromJsonAsync<JsonObject>($"{ReviewPaths.PageOf(token)}/cut"))!;
        Assert.Single(cut["clips"]!.AsArray());
        Assert.Empty(cut["cues"]!.AsArray());
        using (var media = await studio.Client.GetAsync($"{ReviewPaths.PageOf(token)}/media/0"))
        {
            Assert.Equal(HttpStatusCode.OK, media.StatusCode);
            Assert.Equal(Previz.Testing.TestClip.Mp4, await media.Content.ReadAsByteArrayAsync());
        }

        // Index 1 is the sequence link's breakaway take, not this link's.
        using (var other = await studio.Client.GetAsync($"{ReviewPaths.PageOf(token)}/media/1"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        Assert.NotEqual(token, sequenceToken);
        using var neither = await studio.Client.PostAsJsonAsync("/api/reviews", new { sceneId = (string)scene["id"]!, galleryItemId = item });
        Assert.Equal(HttpStatusCode.BadRequest, neither.StatusCode);
        using var missing = await studio.Client.PostAsJsonAsync("/api/reviews", new { galleryItemId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
