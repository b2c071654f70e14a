using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Components.Jobs;
using Previz.Studio.Events;
using Previz.Studio.Persistence;

namespace Previz.Studio.Tests.Components;

public sealed class ToastHostTests : StudioComponentTest
{
    [Fact]
    public async Task A_succeeded_generation_raises_a_success_toast_that_links_to_the_gallery()
    {
        var generation = await CreateDirectRenderAsync("breakaway");
        var cut = Render<ToastHost>();
        Assert.Empty(cut.FindAll(".toast"));

        Services.GetRequiredService<GenerationEvents>().Publish(new GenerationEvent(generation.Id, GenerationState.Succeeded, 1, null, null, false, DateTime.UtcNow));

        cut.WaitForAssertion(() =>
        {
            var toast = cut.Find(".toast");
            Assert.Contains("toast-success", toast.ClassName, StringComparison.Ordinal);
            Assert.Contains("Clip ready: Stadium · breakaway · Direct Render", toast.TextContent, StringComparison.Ordinal);
            Assert.StartsWith("/gallery", toast.QuerySelector("a")?.GetAttribute("href"), StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30));
        Assert.Equal("status", cut.Find(".toasts").GetAttribute("role"));
    }

    [Fact]
    public async Task A_failed_generation_raises_a_failed_toast_with_the_reason_and_dismiss_removes_it()
    {
        var generation = await CreateDirectRenderAsync("establishing");
        var cut = Render<ToastHost>();

        var events = Services.GetRequiredService<GenerationEvents>();
        events.Publish(new GenerationEvent(generation.Id, GenerationState.Running, 0.5, null, null, false, DateTime.UtcNow));
        events.Publish(new GenerationEvent(generation.Id, GenerationState.Failed, null, null, "ffmpeg exited with code 1", false, DateTime.UtcNow));

        cut.WaitForAssertion(() =>
        {
            var toast = Assert.Single(cut.FindAll(".toast"));
            Assert.Contains("toast-failed", toast.ClassName, StringComparison.Ordinal);
            Assert.Contains("ffmpeg exited with code 1", toast.TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30));

        await cut.Find(".toast button[aria-label=Dismiss]").ClickAsync(new());
        Assert.Empty(cut.FindAll(".toast"));
    }
}
