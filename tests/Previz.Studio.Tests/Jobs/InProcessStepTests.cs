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

/// <summary>Hosted steps run in-process from timers, recovered by a sweep when overdue; the vendor is asked once per due poll.</summary>
public sealed class InProcessStepTests
{
    [Fact]
    public async Task A_hosted_job_whose_steps_run_in_process_submits_once_polls_once_per_due_time_and_writes_no_hangfire_job()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromSeconds(3);
        // Sweeps every 200 ms: they must not add a status request to the ones the timers make.
        await using var studio = await StartAsync(fal, "--Studio:Jobs:RecoverStepsAfter=00:00:00.600");
        var id = await CreateAsync(studio);

        await SucceedsAsync(studio, id);

        var record = await FindAsync(studio, id);
        Assert.True(record.PollCount >= 2, $"polls: {record.PollCount}");
        Assert.Equal(record.PollCount, fal.StatusRequests);
        Assert.Equal(1, fal.Submits);
        var monitoring = studio.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        Assert.Equal(0, monitoring.ScheduledCount() + monitoring.SucceededListCount() + monitoring.FailedCount() + monitoring.ProcessingCount());
    }

    [Fact]
    public async Task A_poll_whose_timer_fires_early_still_reaches_the_vendor_no_sooner_than_it_is_due()
    {
        // The vendor finishes exactly when the first poll is due, and every timer fires 40 ms early (less than the
        // 50 ms within which a step counts as the due poll): sent at once, the poll would find the clip not ready
        // and wait a whole backoff.
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromMilliseconds(400);
        await using var studio = await StudioFixture.StartAsync(
            services => services.AddSingleton<TimeProvider>(new EarlyTimers(TimeSpan.FromMilliseconds(40))),
            [.. FalSettings(fal), "--Studio:Jobs:FirstStatusDelay=00:00:00.400", "--Studio:Jobs:MaxStatusDelay=00:00:05"]);
        Assert.IsType<EarlyTimers>(studio.App.Services.GetRequiredService<TimeProvider>());
        var ids = new[] { await CreateAsync(studio), await CreateAsync(studio), await CreateAsync(studio) };

        foreach (var id in ids)
        {
            await SucceedsAsync(studio, id);
            Assert.Equal(1, (await FindAsync(studio, id)).PollCount);
        }

        Assert.Equal(3, fal.StatusRequests);
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
        // One slot per kind of step: the first job's download holds the only one for due steps.
        await using var studio = await StartAsync(fal, "--Studio:Jobs:InProcessConcurrency=1", "--Studio:Jobs:FirstStatusDelay=00:00:00.300");
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
    public async Task A_poll_that_nobody_runs_is_run_by_the_sweep_once_it_is_overdue()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromHours(1);
        // The poll's timer is 10 minutes off; a record that says it was due 5 s ago stands for a timer lost with a
        // process that was not restarted, or a step that failed.
        await using var studio = await StartAsync(
            fal, "--Studio:Jobs:FirstStatusDelay=00:10:00", "--Studio:Jobs:MaxStatusDelay=00:10:00", "--Studio:Jobs:RecoverStepsAfter=00:00:01");
        var id = await CreateSubmittedAsync(studio);
        await Task.Delay(1500);
        Assert.Equal(0, fal.StatusRequests);

        await MakePollDueAsync(studio, id, TimeSpan.FromSeconds(5));
        await Waiting.UntilAsync(() => fal.StatusRequests >= 1, TimeSpan.FromMinutes(1), "The swept poll");
        // Asked once: the poll it made is due in 10 minutes, so later sweeps leave the job alone.
        await Task.Delay(1500);
        Assert.Equal(1, fal.StatusRequests);
        Assert.Equal(1, (await FindAsync(studio, id)).PollCount);
    }

    [Fact]
    public async Task A_copy_of_a_poll_that_runs_before_the_next_poll_is_due_does_not_ask_the_vendor()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromHours(1);
        // Polls and durable copies far off: only the steps this test runs ask the vendor.
        await using var studio = await StartAsync(fal, "--Studio:Jobs:FirstStatusDelay=00:10:00", "--Studio:Jobs:MaxStatusDelay=00:10:00");
        var id = await CreateSubmittedAsync(studio);

        // The first poll is not due: a copy that runs now is the late or early twin of it, and does nothing.
        await RunStepAsync(studio, id);
        Assert.Equal(0, fal.StatusRequests);

        // Due: the first copy polls, the second finds it done.
        await MakePollDueAsync(studio, id);
        await RunStepAsync(studio, id);
        await RunStepAsync(studio, id);
        Assert.Equal(1, fal.StatusRequests);
        Assert.Equal(1, (await FindAsync(studio, id)).PollCount);

        // The vendor finishes; the next due poll fetches the clip.
        fal.WorkTime = TimeSpan.Zero;
        await MakePollDueAsync(studio, id);
        await RunStepAsync(studio, id);
        await SucceedsAsync(studio, id);
        Assert.Equal(2, fal.StatusRequests);
        Assert.Equal(2, (await FindAsync(studio, id)).PollCount);
        Assert.Equal(1, fal.Submits);
    }

    [Fact]
    public async Task A_clip_whose_media_work_ended_the_server_before_is_finished_in_ffmpeg_processes_and_says_so()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromHours(1);
        await using var studio = await StartAsync(fal, "--Studio:Jobs:FirstStatusDelay=00:10:00", "--Studio:Jobs:MaxStatusDelay=00:10:00");
        var crashed = await CreateSubmittedAsync(studio);
        var healthy = await CreateSubmittedAsync(studio);
        // A server of this machine died in FFmpeg's libraries while finishing the first clip: its log outlived it.
        var guard = studio.App.Services.GetRequiredService<DataFolder>().MediaGuard;
        DeadProcess.WriteLog(guard, crashed);

        fal.WorkTime = TimeSpan.Zero;
        foreach (var id in new[] { crashed, healthy })
        {
            await MakePollDueAsync(studio, id);
            await RunStepAsync(studio, id);
            await SucceedsAsync(studio, id);
        }

        Assert.Contains("(ffmpeg processes: an earlier attempt stopped the server during its media work)", await FinishingAsync(studio, crashed), StringComparison.Ordinal);
        Assert.Equal("streams copied, +faststart (FFmpeg's libraries in the server)", await FinishingAsync(studio, healthy));
        Assert.Single(studio.Logs.Lines, line => line.Contains($"Generation {crashed}: an earlier attempt ended with its process during media work", StringComparison.Ordinal));
        // Finished either way: no marker is left to send a later attempt to the processes, and this server's own log
        // is empty with nothing in flight.
        Assert.All(Directory.GetFiles(guard), file => Assert.Equal(0, new FileInfo(file).Length));
        Assert.Equal(2, fal.Submits);
    }

    [Fact]
    public async Task Without_in_process_steps_a_poll_delivered_early_still_asks_the_vendor()
    {
        // Hangfire keeps due times in whole seconds, so its one copy of a poll may start before the recorded due time;
        // with no in-process twin, dropping that delivery would leave the job unpolled for good.
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromHours(1);
        await using var studio = await StartAsync(
            fal, "--Studio:Jobs:RunHostedStepsInProcess=false", "--Studio:Jobs:FirstStatusDelay=00:10:00", "--Studio:Jobs:MaxStatusDelay=00:10:00");
        Assert.Null(studio.App.Services.GetService<InProcessStepRunner>());
        var id = await CreateSubmittedAsync(studio);

        await RunStepAsync(studio, id);
        Assert.Equal(1, fal.StatusRequests);
        Assert.Equal(1, (await FindAsync(studio, id)).PollCount);
    }

    [Fact]
    public async Task A_step_that_throws_is_retried_in_process_and_succeeds_once_the_cause_is_gone()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        await using var studio = await StartAsync(fal);
        var scene = await studio.UploadStadiumAsync();
        // A stored request the step cannot read: it throws without changing the record, as a fault would.
        var id = await HandMadeRecords.AddHostedAsync(studio, scene, GenerationState.Queued, g => g.VendorRequestJson = "{ not json");
        studio.App.Services.GetRequiredService<JobScheduler>().Enqueue(id, false);

        // Tried at once, then 1 s and 2 s later: each try takes and gives back the lease (revision + 2).
        await Waiting.UntilAsync(() => FindAsync(studio, id).GetAwaiter().GetResult().Revision >= 6, TimeSpan.FromMinutes(1), "Three tries");
        Assert.Equal(GenerationState.Queued, (await FindAsync(studio, id)).State);
        Assert.Equal(0, fal.Submits);

        // Mended: the next try (5 s after the third) submits once and the job finishes.
        await using (var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext())
        {
            var request = HandMadeRecords.FalRequestJson();
            await db.Generations.Where(g => g.Id == id).ExecuteUpdateAsync(s => s.SetProperty(g => g.VendorRequestJson, request));
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
        StudioFixture.StartAsync([.. FalSettings(fal), .. settings]);

    private static string[] FalSettings(LoopbackVendor fal) =>
        ["--Studio:AllowRawHostedRequests=true", "--FAL_KEY=fal-test-key-123456", $"--Providers:Fal:QueueUrl={fal.FalQueueUrl}"];

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
        using var create = await studio.Client.PostAsJsonAsync("/api/generations", new JsonObject
        {
            ["sceneId"] = (string)scene["id"]!,
            ["shotId"] = "breakaway",
            ["mode"] = "wireframe-to-video",
            ["modelId"] = "test-video",
            ["hostedRequest"] = new JsonObject { ["provider"] = "fal", ["endpoint"] = LoopbackVendor.FalEndpoint, ["body"] = new JsonObject { ["prompt"] = "x" } },
        });
        var body = await create.Content.ReadFromJsonAsync<JsonObject>();
        return Guid.Parse((string)body!["id"]!);
    }

    /// <summary>Waits until the generation ends and requires that it succeeded (its record in the message if not).</summary>
    private static async Task SucceedsAsync(StudioFixture studio, Guid id)
    {
        var done = await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(1));
        Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());
    }

    /// <summary>One delivery of the hosted step, as Hangfire or the in-process runner would make it.</summary>
    private static async Task RunStepAsync(StudioFixture studio, Guid id)
    {
        await using var scope = studio.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GenerationJobs>().HostedStepAsync(id, CancellationToken.None);
    }

    /// <summary>What the gallery item's provenance says was done to the clip, and where.</summary>
    private static async Task<string?> FinishingAsync(StudioFixture studio, Guid id)
    {
        var itemId = (await FindAsync(studio, id)).GalleryItemId;
        var item = JsonNode.Parse(await studio.Client.GetStringAsync($"/api/gallery/{itemId}"))!;
        return (string?)item["provenance"]!["finishing"];
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
