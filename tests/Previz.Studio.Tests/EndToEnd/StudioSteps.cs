using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Previz.Core.Modes;

namespace Previz.Studio.Tests.EndToEnd;

/// <summary>The user's steps through the studio that several browser tests share, each followed by a screenshot.</summary>
public static class StudioSteps
{
    /// <summary>Scenes page → "Open {scene}" → the studio page of that scene with the shot's card chosen.</summary>
    public static async Task OpenShotAsync(BrowserSession session, StudioServer server, string shotId)
    {
        var page = session.Page;
        await session.GotoAsync("/");
        var open = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Open {server.StadiumName}", Exact = true });
        await session.StepAsync("scenes");
        await (await BrowserSession.InteractiveAsync(open)).ClickAsync();
        // Blazor moves to the studio page within the document (history.pushState). Waiting for that as a navigation
        // timed out twice (in CI, and in a clean-clone run here) with the browser already on the studio page 2 s after
        // the click; most likely the navigation event reached Playwright's client before its waiter listened. The
        // address is polled instead; the card below is waited for on its own.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/scenes/[0-9a-f-]{36}$"), new PageAssertionsToHaveURLOptions { Timeout = BrowserSession.Timeout });
        var card = page.Locator($"button.shot-card[data-shot-id=\"{shotId}\"]");
        await (await BrowserSession.InteractiveAsync(card)).ClickAsync();
        await Assertions.Expect(card).ToHaveClassAsync(new Regex(@"\bactive\b"));
        await session.StepAsync($"shot-{shotId}");
    }

    /// <summary>Chooses a visualizer mode and a model in the panel.</summary>
    public static async Task ChooseAsync(BrowserSession session, VisualizerMode mode, string modelId)
    {
        var page = session.Page;
        var modeSelect = page.Locator("select[aria-label=Mode]");
        await BrowserSession.SelectAsync(modeSelect, mode.Id());
        await Assertions.Expect(modeSelect).ToHaveValueAsync(mode.Id());
        var modelSelect = page.Locator("select[aria-label=Model]");
        await BrowserSession.SelectAsync(modelSelect, modelId);
        await Assertions.Expect(modelSelect).ToHaveValueAsync(modelId);
        await session.StepAsync($"{mode.Id()}-{modelId}");
    }

    /// <summary>Clicks the Generate button (named <paramref name="label"/>) once it is enabled.</summary>
    public static async Task GenerateAsync(BrowserSession session, string label)
    {
        var generate = session.Page.Locator("button.generate");
        await Assertions.Expect(generate).ToHaveTextAsync(label);
        await Assertions.Expect(generate).ToBeEnabledAsync();
        await (await BrowserSession.InteractiveAsync(generate)).ClickAsync();
        await session.StepAsync("generate-clicked");
    }

    /// <summary>Opens the gallery, clicks the first card, and waits until its player has decoded a frame.</summary>
    public static async Task<PlayerState> PlayFirstGalleryItemAsync(BrowserSession session)
    {
        var page = session.Page;
        await session.GotoAsync("/gallery");
        var card = page.Locator(".gallery-card").First;
        await (await BrowserSession.InteractiveAsync(card)).ClickAsync();
        var player = page.Locator("video.gallery-player");
        await player.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.WaitForFunctionAsync(
            "() => { const v = document.querySelector('video.gallery-player'); return v !== null && (v.readyState >= 2 || v.error !== null); }",
            null,
            new PageWaitForFunctionOptions { Timeout = BrowserSession.Timeout, PollingInterval = 100 });
        var state = await player.EvaluateAsync<PlayerState>(
            """
            v => ({
              readyState: v.readyState,
              duration: v.duration,
              error: v.error ? `${v.error.code} ${v.error.message}` : null,
              source: v.currentSrc,
              canPlayH264: v.canPlayType('video/mp4; codecs="avc1.42E01E"'),
            })
            """);
        await session.StepAsync("gallery-player");
        return state;
    }

    /// <summary>
    /// The element lies inside the window, where a person sees it, by its box against the window's size.
    /// Playwright's in-viewport check (an IntersectionObserver) answered ratio 0 for the fixed toast on the studio page, with
    /// its WebGL view, here and in CI; the box is what a person sees.
    /// </summary>
    public static async Task AssertOnScreenAsync(IPage page, ILocator element)
    {
        var box = await element.BoundingBoxAsync(new LocatorBoundingBoxOptions { Timeout = 10_000 });
        var window = page.ViewportSize!;
        Assert.True(box is not null, "the element has no box (it is gone or hidden)");
        Assert.True(box.X >= 0 && box.Y >= 0 && box.X + box.Width <= window.Width && box.Y + box.Height <= window.Height,
            $"the element's box ({box.X:0}, {box.Y:0}, {box.Width:0}×{box.Height:0}) is not inside the {window.Width}×{window.Height} window");
    }
}
