using Microsoft.Playwright;

namespace Previz.Studio.Tests.EndToEnd;

/// <summary>What the review tests do on a review link's page.</summary>
internal static class ReviewPageSteps
{
    /// <summary>
    /// The page is the link's alone: no Blazor, no navigation or link anywhere, no studio stylesheet, and every request
    /// it made went to its own address.
    /// </summary>
    public static async Task AssertNothingOfTheStudioAsync(IPage page)
    {
        Assert.True(await page.EvaluateAsync<bool>("() => window.Blazor === undefined"), "the review page loaded Blazor");
        Assert.Equal(0, await page.Locator("nav, a, .jobs-tray, .toast, header").CountAsync());
        var own = new Uri(page.Url).AbsolutePath;
        var requested = await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(e => new URL(e.name)).filter(u => u.protocol.startsWith('http')).map(u => u.pathname)");
        Assert.All(requested, path => Assert.StartsWith(own + "/", path, StringComparison.Ordinal));
        var scripts = await page.EvaluateAsync<string[]>("() => [...document.scripts].map(s => new URL(s.src, location.href).pathname)");
        Assert.All(scripts, path => Assert.StartsWith(own + "/", path, StringComparison.Ordinal));
    }

    /// <summary>Presses Play and waits until the cut's picture is decoding and its time moves.</summary>
    public static async Task<PlayerState> PlayAsync(IPage page, float timeout)
    {
        var play = page.Locator(".seq-play");
        await play.WaitForAsync();
        await play.ClickAsync();
        await page.WaitForFunctionAsync(
            "() => { const v = document.querySelector('video.seq-video'); return v !== null && (v.error !== null || (v.readyState >= 2 && v.currentTime > 0.5)); }",
            null,
            new PageWaitForFunctionOptions { Timeout = timeout, PollingInterval = 100 });
        var state = await page.Locator("video.seq-video").EvaluateAsync<PlayerState>(
            """
            v => ({
              readyState: v.readyState,
              duration: v.duration,
              currentTime: v.currentTime,
              error: v.error ? `${v.error.code} ${v.error.message}` : null,
              source: v.currentSrc,
              canPlayH264: v.canPlayType('video/mp4; codecs="avc1.42E01E"'),
            })
            """);
        Assert.Null(state.Error);
        return state;
    }
}
