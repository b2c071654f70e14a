using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Tests.Api;
using Previz.Testing;

namespace Previz.Studio.Tests.Jobs;

/// <summary>Hosted steps run as Hangfire jobs, polls by the recurring job when due; the vendor is asked once per due poll.</summary>
public sealed class DueStepTests
{
    [Fact]
    public async Task A_hosted_job_submits_once_polls_once_per_due_time_and_writes_no_hangfire_job_per_poll()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromSeconds(3);
        // The recurring job runs every second: it must not add a status request to the ones that are due.
        await using var studio = await StartAsync(fal, "--Studio:Jobs:RecoverStepsAfter=00:00:00.600");
        var id = await CreateAsync(studio);

        await SucceedsAsync(studio, id);

        var record = await FindAsync(studio, id);
        Assert.True(record.PollCount >= 2, $"polls: {record.PollCount}");
        Assert.Equal(record.PollCount, fal.StatusRequests);
        Assert.Equal(1, fal.Submits);
        // No delayed job per poll, and the one submit is the only job that names the generation.
        var monitoring = studio.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.Equal(0, monitoring.ScheduledCount() + monitoring.FailedCount());
        var named = monitoring.SucceededJobs(0, 1000).Count(j => j.Value.Job.Args.Contains(id));
        Assert.Equal(1, named);
    }

    [Fact]
    public async Task A_download_cut_off_midway_is_fetched_again_and_leaves_no_file_behind()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromMilliseconds(300);
        fal.DownloadsToCut = 1;
        await using var studio = await StartAsync(fal, "--Studio:Jobs:FirstStatusDelay=00:00:00.300");
        var id = await CreateAsync(studio);

        await SucceedsAsync(studio, id);
        Assert.Equal(2, fal.Downloads.Values.Sum());
        Assert.Equal(1, fal.Submits);
        // The half-written download of the broken attempt went with it.
        Assert.Empty(Directory.GetFiles(Path.Combine(studio.DataFolder, "tmp")));
    }

    [Fact]
    public async Task A_new_job_is_submitted_while_every_slot_for_polls_and_downloads_is_taken()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromMilliseconds(300);
        var downloads = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fal.HoldDownloads = downloads.Task;
        // One poll at a time: the first job's download holds it. A submit is a job of its own and does not wait for it.
        await using var studio = await StartAsync(fal, "--Studio:Jobs:PollConcurrency=1", "--Studio:Jobs:FirstStatusDelay=00:00:00.300");
        var first = await CreateAsync(studio);
        await Waiting.UntilAsync(() => !fal.Downloads.IsEmpty, TimeSpan.FromMinutes(1), "The first job's download");

        var second = await CreateAsync(studio);

        await Waiting.UntilAsync(() => fal.Submits == 2, TimeSpan.FromSeconds(30), "The second job's submit while the first one's download is held");
        Assert.True(fal.Downloads.Values.Sum() == 1, "the first download is still held");
        downloads.SetResult();
        foreach (var id in new[] { first, second })
        {
            await SucceedsAsync(studio, id);
        }
    }

    [Fact]
    public async Task A_poll_is_run_by_the_recurring_job_once_it_is_due_and_only_once()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromHours(1);
        // Polls 10 minutes apart; the test makes one due now.
        await using var studio = await StartAsync(
            fal, "--Studio:Jobs:FirstStatusDelay=00:10:00", "--Studio:Jobs:MaxStatusDelay=00:10:00", "--Studio:Jobs:RecoverStepsAfter=00:00:01");
        var id = await CreateSubmittedAsync(studio);
        await Task.Delay(1500);
        Assert.Equal(0, fal.StatusRequests);

        await MakePollDueAsync(studio, id, TimeSpan.FromSeconds(5));
        await Waiting.UntilAsync(() => fal.StatusRequests >= 1, TimeSpan.FromMinutes(1), "The due poll");
        // Asked once: the poll it made is due in 10 minutes, so later runs leave the job alone.
        await Task.Delay(1500);
        Assert.Equal(1, fal.StatusRequests);
        Assert.Equal(1, (await FindAsync(studio, id)).PollCount);
    }

    [Fact]
    public async Task Runs_of_the_recurring_job_at_the_same_time_ask_the_vendor_once_per_due_poll()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromHours(1);
        await using var studio = await StartAsync(fal, "--Studio:Jobs:FirstStatusDelay=00:10:00", "--Studio:Jobs:MaxStatusDelay=00:10:00");
        var id = await CreateSubmittedAsync(studio);

        // Not due: runs of the job leave it alone.
        await RunDueStepsAsync(studio);
        Assert.Equal(0, fal.StatusRequests);

        // Due: of three runs at once (two here, Hangfire's own), one takes the lease and polls, the others find it
        // held or already done.
        await MakePollDueAsync(studio, id);
        await Task.WhenAll(RunDueStepsAsync(studio), RunDueStepsAsync(studio));
        await Task.Delay(1500);
        Assert.Equal(1, fal.StatusRequests);
        Assert.Equal(1, (await FindAsync(studio, id)).PollCount);

        // The vendor finishes; the next due poll fetches the clip.
        fal.WorkTime = TimeSpan.Zero;
        await MakePollDueAsync(studio, id);
        await SucceedsAsync(studio, id);
        Assert.Equal(2, fal.StatusRequests);
        Assert.Equal(2, (await FindAsync(studio, id)).PollCount);
        Assert.Equal(1, fal.Submits);
    }

    [Fact]
    public async Task A_submit_that_throws_is_retried_by_hangfire_and_succeeds_once_the_cause_is_gone()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        await using var studio = await StartAsync(fal);
        var scene = await studio.UploadStadiumAsync();
        // A stored plan the step cannot read: it throws without changing the record, as a fault would.
        var plan = await HandMadeRecords.PlanJsonAsync(studio, scene);
        var id = await HandMadeRecords.AddHostedAsync(studio, scene, GenerationState.Queued, g => g.PlanJson = "{ not json");
        studio.App.Services.GetRequiredService<JobScheduler>().Submit(id);

        // Tried at once, then 1 s and 2 s later: each try takes and gives back the lease (revision + 2).
        await Waiting.UntilAsync(() => FindAsync(studio, id).GetAwaiter().GetResult().Revision >= 6, TimeSpan.FromMinutes(1), "Three tries");
        Assert.Equal(GenerationState.Queued, (await FindAsync(studio, id)).State);
        Assert.Equal(0, fal.Submits);

        // Mended: the next try (5 s after the third) submits once and the job finishes.
        await using (var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext())
        {
            await db.Generations.Where(g => g.Id == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.PlanJson, plan));
        }

        await SucceedsAsync(studio, id);
        Assert.Equal(1, fal.Submits);
    }

    [Fact]
    public async Task A_cancel_is_acted_on_even_when_the_next_poll_is_not_due()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromHours(1);
        await using var studio = await StartAsync(fal, "--Studio:Jobs:FirstStatusDelay=00:10:00", "--Studio:Jobs:MaxStatusDelay=00:10:00");
        var id = await CreateAsync(studio);
        await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! == "running", TimeSpan.FromMinutes(1));

        using var cancel = await studio.Client.PostAsync($"/api/generations/{id}/cancel", null);
        var done = await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! is "canceled" or "succeeded" or "failed", TimeSpan.FromMinutes(1));
        Assert.Equal("canceled", (string)done["state"]!);
        Assert.Equal(1, fal.Cancels);
    }

    /// <summary>A studio whose hosted jobs go to <paramref name="fal"/>, with <paramref name="settings"/> on top.</summary>
    private static Task<StudioFixture> StartAsync(LoopbackVendor fal, params string[] settings) =>
        StudioFixture.StartAsync([.. HostedChoices.Settings(fal), .. settings]);

    /// <summary>A job that is running at the vendor, its submit step over (its lease given back).</summary>
    private static async Task<Guid> CreateSubmittedAsync(StudioFixture studio)
    {
        var id = await CreateAsync(studio);
        await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! == "running", TimeSpan.FromMinutes(1));
        await Waiting.UntilAsync(() => FindAsync(studio, id).GetAwaiter().GetResult().LeaseOwner is null, TimeSpan.FromMinutes(1), "The lease's release");
        return id;
    }

    private static async Task<Guid> CreateAsync(StudioFixture studio)
    {
        var scene = await studio.UploadStadiumAsync();
        using var create = await studio.Client.PostAsJsonAsync("/api/generations", HostedChoices.Create((string)scene["id"]!));
        var body = await create.Content.ReadFromJsonAsync<JsonObject>();
        return Guid.Parse((string)body!["id"]!);
    }

    /// <summary>Waits until the generation ends and requires that it succeeded (its record in the message if not).</summary>
    private static async Task SucceedsAsync(StudioFixture studio, Guid id)
    {
        var done = await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(1));
        Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());
    }

    /// <summary>One run of the recurring job, as Hangfire makes it (Hangfire's own runs go on beside it).</summary>
    private static async Task RunDueStepsAsync(StudioFixture studio)
    {
        await using var scope = studio.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GenerationJobs>().RunDueStepsAsync(CancellationToken.None);
    }

    private static async Task<GenerationRecord> FindAsync(StudioFixture studio, Guid id)
    {
        await using var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext();
        return await db.Generations.AsNoTracking().SingleAsync(g => g.Id == id);
    }

    /// <summary>Records the job's next poll as due <paramref name="ago"/> (1 s unless given) before now.</summary>
    private static async Task MakePollDueAsync(StudioFixture studio, Guid id, TimeSpan? ago = null)
    {
        var due = DateTime.UtcNow - (ago ?? TimeSpan.FromSeconds(1));
        await using var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext();
        await db.Generations.Where(g => g.Id == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.NextPollAt, due));
    }
}
