using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.EndToEnd;

/// <summary>A review link in the browser: it plays the stadium's cut, takes a comment the studio then shows, and is nothing but itself.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReviewFlowTests(BrowserFixture browser, StudioServer server, ITestOutputHelper output) : IClassFixture<StudioServer>
{
    /// <summary>Software decoding, a Direct Render made on first request, a loaded machine: the first frame can take a while.</summary>
    private const float PlayTimeout = 180_000;

    [Fact]
    public async Task A_review_link_plays_the_cut_takes_a_comment_the_studio_shows_and_shows_nothing_else_of_the_studio()
    {
        using var client = server.CreateClient();
        var (linkId, url) = await ShareAsync(client, server.StadiumId);
        await using var session = await BrowserSession.OpenAsync(browser, server, "review-flow", output);

        var page = session.Page;
        var opened = await page.GotoAsync(url);
        Assert.Equal(200, opened!.Status);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(server.StadiumName);
        await ReviewPageSteps.AssertNothingOfTheStudioAsync(page);
        await session.StepAsync("review-page");

        var player = await ReviewPageSteps.PlayAsync(page, PlayTimeout);
        output.WriteLine($"review player: readyState {player.ReadyState}, currentTime {player.CurrentTime:0.000} s, {player.Source}");
        Assert.True(player.ReadyState >= 2, $"readyState {player.ReadyState}");
        Assert.Contains("/media/", player.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/", player.Source, StringComparison.Ordinal);
        await session.StepAsync("playing");

        const string note = "Hold the crane a beat longer before the cut.";
        await page.Locator("#comment-form input[name=author]").FillAsync("Dana");
        await page.Locator("#comment-form textarea[name=text]").FillAsync(note);
        await page.Locator("#comment-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#comments li")).ToContainTextAsync(note);
        await session.StepAsync("commented");

        var comments = (await client.GetFromJsonAsync<JsonArray>($"/api/reviews/{linkId}/comments"))!;
        var comment = Assert.Single(comments)!;
        Assert.Equal("Dana", (string)comment["author"]!);
        Assert.True((double)comment["seconds"]! > 0, $"the comment is at {(double)comment["seconds"]!} s: the time the player was at");

        // The studio's Sequence view shows it at its time.
        await session.GotoAsync($"/scenes/{server.StadiumId}/sequence");
        await Assertions.Expect(page.Locator(".review-comment")).ToContainTextAsync(note);
        await Assertions.Expect(page.Locator(".review-link")).ToHaveCountAsync(1);
        // The studio's player is mounted, and a comment's time seeks it there.
        await Assertions.Expect(page.Locator(".seq-player video.seq-video")).ToBeAttachedAsync();
        var seconds = (double)comment["seconds"]!;
        await (await BrowserSession.InteractiveAsync(page.Locator(".review-comment .comment-time"))).ClickAsync();
        await page.WaitForFunctionAsync(
            "s => { const p = document.querySelector('.seq-player'); return p !== null && Math.abs(Number(p.dataset.time) - s) < 0.01; }",
            seconds);
        await session.StepAsync("studio-comments");

        // Revoked, it is the same 404 as an address nobody made.
        using (var revoke = await client.DeleteAsync($"/api/reviews/{linkId}"))
        {
            Assert.True(revoke.IsSuccessStatusCode);
        }

        var revoked = await page.GotoAsync(url);
        Assert.Equal(404, revoked!.Status);
        var revokedText = await page.Locator("body").InnerTextAsync();
        var token = url[(url.LastIndexOf('/') + 1)..];
        var guessed = await page.GotoAsync(url[..^token.Length] + new string('x', token.Length));
        Assert.Equal(404, guessed!.Status);
        Assert.Equal(revokedText, await page.Locator("body").InnerTextAsync());
        await session.StepAsync("revoked");
    }

    internal static async Task<(string Id, string Url)> ShareAsync(HttpClient client, Guid sceneId)
    {
        using var response = await client.PostAsJsonAsync("/api/reviews", new { sceneId });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        var json = JsonNode.Parse(text)!;
        return ((string)json["link"]!["id"]!, (string)json["url"]!);
    }
}
