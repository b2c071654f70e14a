using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Components.Jobs;
using Previz.Studio.Events;
using Previz.Studio.Persistence;

namespace Previz.Studio.Tests.Components;

public sealed class JobsTrayTests : StudioComponentTest
{
    [Fact]
    public async Task The_tray_lists_unfinished_generations_and_follows_their_events()
    {
        var generation = await CreateDirectRenderAsync("breakaway");
        var cut = Render<JobsTray>();
        cut.WaitForAssertion(() => Assert.Contains("queued", cut.Find(".jobs-tray .job").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.NotNull(cut.Find(".jobs-tray .job button[aria-label='Cancel Direct Render breakaway']"));

        Services.GetRequiredService<GenerationEvents>().Publish(new GenerationEvent(generation.Id, GenerationState.Running, 0.25, null, null, false, DateTime.UtcNow));

        cut.WaitForAssertion(() =>
        {
            var job = cut.Find(".jobs-tray .job");
            Assert.Contains("job-running", job.ClassName, StringComparison.Ordinal);
            Assert.Equal("0.25", job.QuerySelector("progress")?.GetAttribute("value"));
            Assert.Contains("25 %", job.TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_generation_started_after_the_tray_opened_appears_from_its_event()
    {
        var cut = Render<JobsTray>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find(".jobs-tray .muted")), TimeSpan.FromSeconds(30));

        await CreateDirectRenderAsync("establishing");

        cut.WaitForAssertion(() => Assert.Contains("establishing", cut.Find(".jobs-tray .job").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Cancel_cancels_a_queued_generation()
    {
        var generation = await CreateDirectRenderAsync("breakaway");
        var cut = Render<JobsTray>();
        cut.WaitForElement(".jobs-tray .job button.cancel", TimeSpan.FromSeconds(30));

        await cut.Find("button[aria-label='Cancel Direct Render breakaway']").ClickAsync(new());

        Assert.Equal(GenerationState.Canceled, (await Generations.FindAsync(generation.Id, CancellationToken.None))!.State);
        cut.WaitForAssertion(() => Assert.Contains("job-canceled", cut.Find(".jobs-tray .job").ClassName, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll(".jobs-tray .job button.cancel"));
    }
}
