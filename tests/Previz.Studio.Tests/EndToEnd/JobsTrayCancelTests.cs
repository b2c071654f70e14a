using Microsoft.Playwright;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.EndToEnd;

[Collection(BrowserTestGroup.Name)]
public sealed class JobsTrayCancelTests(BrowserFixture browser, StudioServer server, ITestOutputHelper output) : IClassFixture<StudioServer>
{
    [Fact]
    public async Task Canceling_a_hosted_job_from_the_jobs_tray_reaches_the_vendor_and_shows_it_canceled()
    {
        const string shot = "breakaway";
        server.Fal.WorkTime = TimeSpan.FromDays(1); // a vendor that never finishes
        var kling = ModelCatalog.Default.Get("kling-2.6-pro");
        await using var session = await BrowserSession.OpenAsync(browser, server, "jobs-tray-cancel", output);

        await StudioSteps.OpenShotAsync(session, server, shot);
        await StudioSteps.ChooseAsync(session, VisualizerMode.StartFrame, kling.Id);
        var capture = session.Page.Locator("fieldset.frame-slot-start").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Capture shot start", Exact = true });
        await (await BrowserSession.InteractiveAsync(capture)).ClickAsync();
        await StudioSteps.GenerateAsync(session, "Generate Video");

        var job = session.Page.Locator(".jobs-tray .job");
        await Assertions.Expect(job).ToHaveCountAsync(1);
        await Assertions.Expect(job).ToContainTextAsync(kling.DisplayName);
        await Assertions.Expect(job).ToContainTextAsync(shot);
        var state = job.Locator(".job-state");
        await Assertions.Expect(state).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(queued|submitting|running)$"));
        await WaitForAsync(() => server.Fal.Submits == 1, "the vendor never saw the submit");
        await session.StepAsync("job-in-flight");

        var cancel = job.Locator("button[aria-label^=\"Cancel\"]");
        await (await BrowserSession.InteractiveAsync(cancel)).ClickAsync();
        await Assertions.Expect(state).ToHaveTextAsync("canceled");
        await Assertions.Expect(job.Locator("button[aria-label^=\"Cancel\"]")).ToHaveCountAsync(0);
        var toast = session.Page.Locator(".toast.toast-canceled").Filter(new LocatorFilterOptions { HasText = shot });
        await Assertions.Expect(toast).ToBeVisibleAsync();
        await StudioSteps.AssertOnScreenAsync(session.Page, toast);
        await Assertions.Expect(session.Page.Locator(".toast.toast-success")).ToHaveCountAsync(0);
        await WaitForAsync(() => server.Fal.Cancels == 1, "the vendor never saw the cancel");
        await session.StepAsync("job-canceled");
        Assert.Equal(1, server.Fal.Submits);
    }

    private async Task WaitForAsync(Func<bool> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure}\n{server.Log}");
            await Task.Delay(100);
        }
    }
}
