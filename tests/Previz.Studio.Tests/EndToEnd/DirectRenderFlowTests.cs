using Microsoft.Playwright;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.EndToEnd;

[Collection(BrowserTestGroup.Name)]
public sealed class DirectRenderFlowTests(BrowserFixture browser, StudioServer server, ITestOutputHelper output) : IClassFixture<StudioServer>
{
    [Fact]
    public async Task Capturing_the_breakaway_animation_with_Direct_Render_toasts_and_plays_the_whole_shot_in_the_gallery()
    {
        const string shot = "breakaway";
        var (duration, fps) = server.Shot(shot);
        var directRender = ModelCatalog.Default.Get("direct-render");
        Assert.Equal(ModelProvider.DirectRender, directRender.Provider);
        await using var session = await BrowserSession.OpenAsync(browser, server, "direct-render-flow", output);

        await StudioSteps.OpenShotAsync(session, server, shot);
        await StudioSteps.ChooseAsync(session, VisualizerMode.FromAnimation, directRender.Id);
        await Assertions.Expect(session.Page.Locator("select[aria-label=Mode] option:checked")).ToHaveTextAsync("Video (From Animation)");
        await StudioSteps.GenerateAsync(session, "Capture Animation");

        // One assertion on a toast that says both, retried until it holds: a toast goes after a few seconds, and on a
        // busy machine separate checks of one toast can straddle its going.
        var toast = session.Page.Locator(".toast.toast-success").Filter(new LocatorFilterOptions { HasText = shot }).Filter(new LocatorFilterOptions { HasText = directRender.DisplayName });
        await Assertions.Expect(toast).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 120_000 });
        await StudioSteps.AssertOnScreenAsync(session.Page, toast);
        await session.StepAsync("toast");

        var player = await StudioSteps.PlayFirstGalleryItemAsync(session);
        output.WriteLine($"gallery player: readyState {player.ReadyState}, duration {player.Duration:0.000} s (shot {duration} s at {fps} fps), canPlayType {player.CanPlayH264}, {player.Source}");
        Assert.Null(player.Error);
        Assert.True(player.ReadyState >= 2, $"readyState {player.ReadyState}");
        Assert.InRange(player.Duration, duration - 1 / fps, duration + 1 / fps);
        Assert.Equal("probably", player.CanPlayH264);
        Assert.Contains("/api/gallery/", player.Source, StringComparison.Ordinal);
    }
}
