using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Tests.Api;
using Previz.Studio.Tests.Loopback;

namespace Previz.Studio.Tests.Jobs;

/// <summary>Each status poll is started twice (an in-process timer and a durable fallback job); the vendor is asked once.</summary>
public sealed class DuePollTests
{
    [Fact]
    public async Task A_hosted_job_whose_polls_run_from_both_timer_and_fallback_asks_the_vendor_once_per_poll()
    {
        await using var fal = await FakeFal.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromSeconds(3);
        // A short slack so that every poll's fallback job runs during the test, soon after its timer's copy.
        await using var studio = await StudioFixture.StartAsync(
            "--Studio:AllowRawHostedRequests=true",
            "--FAL_KEY=fal-test-key-123456",
            $"--Providers:Fal:QueueUrl={fal.BaseUri}",
            "--Studio:Jobs:PollFallbackSlack=00:00:00.100");
        var id = await CreateAsync(studio);

        var done = await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(1));
        Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());

        var record = await FindAsync(studio, id);
        Assert.True(record.PollCount >= 2, $"polls: {record.PollCount}");

        // The submit, and two copies (timer, fallback) of each poll that it and the polls scheduled: wait until all ran.
        var monitoring = studio.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        await WaitUntilAsync(() => monitoring.SucceededListCount() >= 1 + (2 * record.PollCount));
        Assert.Equal(record.PollCount, fal.StatusRequests);
        Assert.Equal(1, fal.Submits);
    }

    [Fact]
    public async Task A_copy_of_a_poll_that_runs_before_the_next_poll_is_due_does_not_ask_the_vendor()
    {
        await using var fal = await FakeFal.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromHours(1);
        // Polls far apart: only the steps this test enqueues run.
        await using var studio = await StudioFixture.StartAsync(
            "--Studio:AllowRawHostedRequests=true",
            "--FAL_KEY=fal-test-key-123456",
            $"--Providers:Fal:QueueUrl={fal.BaseUri}",
            "--Studio:Jobs:FirstStatusDelay=00:10:00",
            "--Studio:Jobs:MaxStatusDelay=00:10:00");
        var scheduler = studio.App.Services.GetRequiredService<JobScheduler>();
        var monitoring = studio.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var id = await CreateAsync(studio);
        await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! == "running", TimeSpan.FromMinutes(1));
        await WaitUntilAsync(() => monitoring.SucceededListCount() == 1);

        // The first poll is not due: a copy that runs now is the late or early twin of it, and does nothing.
        scheduler.Enqueue(id, false);
        await WaitUntilAsync(() => monitoring.SucceededListCount() == 2);
        Assert.Equal(0, fal.StatusRequests);

        // Due: the first copy polls, the second finds it done.
        await MakePollDueAsync(studio, id);
        scheduler.Enqueue(id, false);
        await WaitUntilAsync(() => monitoring.SucceededListCount() == 3);
        scheduler.Enqueue(id, false);
        await WaitUntilAsync(() => monitoring.SucceededListCount() == 4);
        Assert.Equal(1, fal.StatusRequests);
        Assert.Equal(1, (await FindAsync(studio, id)).PollCount);

        // The vendor finishes; the next due poll fetches the clip.
        fal.WorkTime = TimeSpan.Zero;
        await MakePollDueAsync(studio, id);
        scheduler.Enqueue(id, false);
        var done = await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(1));
        Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());
        Assert.Equal(2, fal.StatusRequests);
        Assert.Equal(2, (await FindAsync(studio, id)).PollCount);
    }

    [Fact]
    public async Task A_cancel_is_acted_on_even_when_the_next_poll_is_not_due()
    {
        await using var fal = await FakeFal.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromHours(1);
        await using var studio = await StudioFixture.StartAsync(
            "--Studio:AllowRawHostedRequests=true",
            "--FAL_KEY=fal-test-key-123456",
            $"--Providers:Fal:QueueUrl={fal.BaseUri}",
            "--Studio:Jobs:FirstStatusDelay=00:10:00",
            "--Studio:Jobs:MaxStatusDelay=00:10:00");
        var id = await CreateAsync(studio);
        await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! == "running", TimeSpan.FromMinutes(1));

        using var cancel = await studio.Client.PostAsync($"/api/generations/{id}/cancel", null);
        var done = await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! is "canceled" or "succeeded" or "failed", TimeSpan.FromMinutes(1));
        Assert.Equal("canceled", (string)done["state"]!);
        Assert.Equal(1, fal.Cancels);
    }

    private static async Task<Guid> CreateAsync(StudioFixture studio)
    {
        var scene = await studio.UploadStadiumAsync();
        using var create = await studio.Client.PostAsJsonAsync("/api/generations", new JsonObject
        {
            ["sceneId"] = (string)scene["id"]!,
            ["shotId"] = "breakaway",
            ["mode"] = "wireframe-to-video",
            ["modelId"] = "test-video",
            ["hostedRequest"] = new JsonObject { ["provider"] = "fal", ["endpoint"] = FakeFal.Endpoint, ["body"] = new JsonObject { ["prompt"] = "x" } },
        });
        var body = await create.Content.ReadFromJsonAsync<JsonObject>();
        return Guid.Parse((string)body!["id"]!);
    }

    private static async Task<GenerationRecord> FindAsync(StudioFixture studio, Guid id)
    {
        await using var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext();
        return await db.Generations.AsNoTracking().SingleAsync(g => g.Id == id);
    }

    private static async Task MakePollDueAsync(StudioFixture studio, Guid id)
    {
        await using var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext();
        await db.Generations.Where(g => g.Id == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.NextPollAt, DateTime.UtcNow.AddSeconds(-1)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The jobs did not settle in time.");
            }

            await Task.Delay(100);
        }
    }
}
