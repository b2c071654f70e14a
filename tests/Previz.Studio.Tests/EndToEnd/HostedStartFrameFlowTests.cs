using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.EndToEnd;

[Collection(BrowserTestGroup.Name)]
public sealed class HostedStartFrameFlowTests(BrowserFixture browser, StudioServer server, ITestOutputHelper output) : IClassFixture<StudioServer>
{
    [Fact]
    public async Task A_start_frame_generation_on_fal_uploads_the_captured_frame_once_and_plays_trimmed_to_the_shot()
    {
        const string shot = "breakaway";
        var (duration, fps) = server.Shot(shot);
        var kling = ModelCatalog.Default.Get("kling-2.6-pro");
        Assert.Equal(ModelProvider.Fal, kling.Provider);
        await using var session = await BrowserSession.OpenAsync(browser, server, "hosted-start-frame-flow", output);

        await StudioSteps.OpenShotAsync(session, server, shot);
        await StudioSteps.ChooseAsync(session, VisualizerMode.StartFrame, kling.Id);
        var capture = session.Page.Locator("fieldset.frame-slot-start").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Capture shot start", Exact = true });
        await (await BrowserSession.InteractiveAsync(capture)).ClickAsync();
        await session.StepAsync("start-frame-captured");
        await StudioSteps.GenerateAsync(session, "Generate Video");

        // One assertion on a toast that says both, retried until it holds: a toast goes after a few seconds, and on a
        // busy machine separate checks of one toast can straddle its going.
        var toast = session.Page.Locator(".toast.toast-success").Filter(new LocatorFilterOptions { HasText = shot }).Filter(new LocatorFilterOptions { HasText = kling.DisplayName });
        await Assertions.Expect(toast).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 120_000 });
        await StudioSteps.AssertOnScreenAsync(session.Page, toast);
        await session.StepAsync("toast");

        var player = await StudioSteps.PlayFirstGalleryItemAsync(session);
        output.WriteLine($"gallery player: readyState {player.ReadyState}, duration {player.Duration:0.000} s (shot {duration} s at {fps} fps), canPlayType {player.CanPlayH264}, {player.Source}");
        Assert.Null(player.Error);
        Assert.True(player.ReadyState >= 2, $"readyState {player.ReadyState}");
        Assert.InRange(player.Duration, duration - 1 / fps, duration + 1 / fps);
        Assert.Equal("probably", player.CanPlayH264);

        // The vendor saw one submit, to the model's start-frame endpoint, whose body points at an uploaded image.
        var (endpoint, body) = Assert.Single(server.Fal.Submitted);
        Assert.Equal(kling.Endpoint(VisualizerMode.StartFrame)!.Id, endpoint);
        var images = body
            .Select(field => field.Value is JsonValue value && value.TryGetValue<string>(out var url) && server.Fal.Uploads.TryGetValue(url, out var file) ? (field.Key, file) : default)
            .Where(found => found.Key is not null)
            .ToList();
        var (field, upload) = Assert.Single(images);
        Assert.StartsWith("image/", upload.ContentType, StringComparison.Ordinal);
        Assert.True(IsPngOrJpeg(upload.Content), $"{field} points at {upload.Content.Length} bytes that are not a PNG or JPEG");
        Assert.Equal(1, server.Fal.Submits);
    }

    private static bool IsPngOrJpeg(byte[] bytes) =>
        bytes.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G']) || bytes.AsSpan().StartsWith((byte[])[0xFF, 0xD8, 0xFF]);
}
