using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.EndToEnd;

[Collection(BrowserTestGroup.Name)]
public sealed class PageSmokeTests(BrowserFixture browser, StudioServer server, ITestOutputHelper output) : IClassFixture<StudioServer>
{
    [Theory]
    [InlineData("/", "Scenes")]
    [InlineData("/gallery", "Gallery")]
    [InlineData("/settings", "Settings")]
    public async Task A_page_renders_its_heading_without_console_errors_and_fits_1280_pixels(string path, string heading)
    {
        await using var session = await BrowserSession.OpenAsync(browser, server, $"smoke-{heading.ToLowerInvariant()}", output);
        await session.GotoAsync(path);
        var h1 = session.Page.Locator("main h1");
        await Assertions.Expect(h1).ToHaveTextAsync(heading);
        // Blazor's HeadOutlet sets the title in its own render, which may land after the heading's.
        await Assertions.Expect(session.Page).ToHaveTitleAsync($"{heading} · Previz");

        // The navigation works interactively: every main link is there and names its page.
        var nav = session.Page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Main" });
        Assert.Equal(["Scenes", "Gallery", "Settings"], (await nav.Locator("a").AllInnerTextsAsync()).Select(t => t.Trim()));
        await session.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await session.StepAsync("loaded");

        var scrollWidth = await session.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 1280, $"{path} is {scrollWidth} px wide at a 1280 px viewport: a horizontal scrollbar");
        Assert.True(session.Errors.IsEmpty, string.Join('\n', session.Errors));
    }
}
