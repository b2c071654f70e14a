using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.EndToEnd;

/// <summary>With <c>PREVIZ_TOKEN</c> set, a review link opens and plays in a browser that has nothing but the link.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReviewTokenFlowTests(BrowserFixture browser, TokenStudioServer server, ITestOutputHelper output) : IClassFixture<TokenStudioServer>
{
    [Fact]
    public async Task With_PREVIZ_TOKEN_set_a_review_link_alone_opens_plays_and_takes_comments_but_reaches_nothing_else()
    {
        using var client = server.CreateClient();
        var (_, url) = await ReviewFlowTests.ShareAsync(client, server.StadiumId);
        await using var session = await BrowserSession.OpenAsync(browser, server, "review-token-flow", output);
        var page = session.Page;

        var opened = await page.GotoAsync(url);
        Assert.Equal(200, opened!.Status);
        var player = await ReviewPageSteps.PlayAsync(page, 180_000);
        Assert.True(player.ReadyState >= 2, $"readyState {player.ReadyState}");
        await ReviewPageSteps.AssertNothingOfTheStudioAsync(page);
        await page.Locator("#comment-form input[name=author]").FillAsync("Client");
        await page.Locator("#comment-form textarea[name=text]").FillAsync("Looks right.");
        await page.Locator("#comment-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#comments li")).ToContainTextAsync("Looks right.");
        await session.StepAsync("token-review");

        // From the review page, the studio's API and pages are closed: the link is no studio token.
        var statuses = await page.EvaluateAsync<int[]>(
            """
            async () => Promise.all(['/api/scenes', '/api/gallery', '/api/reviews', '/', '/openapi/v1.json']
                .map(p => fetch(p, { credentials: 'include' }).then(r => r.status)))
            """);
        Assert.All(statuses, s => Assert.Equal(401, s));
        var studio = await page.GotoAsync("/");
        Assert.Equal(401, studio!.Status);
    }
}
