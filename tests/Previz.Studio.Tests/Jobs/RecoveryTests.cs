using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Events;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Tests.Api;
using Previz.Studio.Tests.Events;
using Previz.Testing;

namespace Previz.Studio.Tests.Jobs;

public sealed class RecoveryTests
{
    [Fact]
    public async Task A_job_that_died_while_submitting_is_marked_for_the_user_and_never_submitted_again()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        await using var studio = await StudioFixture.StartAsync(HostedChoices.Settings(fal));
        var scene = await studio.UploadStadiumAsync();
        var id = await HandMadeRecords.AddHostedAsync(studio, scene, GenerationState.Submitting, g =>
        {
            g.IdempotencyKey = $"previz-{g.Id:N}";
            // A worker held it and vanished: its lease has run out.
            g.LeaseOwner = "dead-worker";
            g.LeaseExpiresAt = DateTime.UtcNow.AddSeconds(-1);
        });

        studio.App.Services.GetRequiredService<JobScheduler>().Submit(id);
        var done = await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! == "failed", TimeSpan.FromSeconds(60));
        Assert.True((bool)done["needsAttention"]!);
        Assert.Contains($"previz-{id:N}", (string)done["error"]!, StringComparison.Ordinal);
        Assert.Equal("submit-outcome-unknown", (string)done["errorCategory"]!);
        Assert.Equal(0, fal.Submits);
    }

    [Fact]
    public async Task A_job_held_by_a_live_worker_is_not_run_by_a_second_delivery()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        await using var studio = await StudioFixture.StartAsync([.. HostedChoices.Settings(fal), "--Studio:Jobs:RecoverStepsAfter=00:00:05"]);
        var scene = await studio.UploadStadiumAsync();
        var id = await HandMadeRecords.AddHostedAsync(studio, scene, GenerationState.Queued, g =>
        {
            g.LeaseOwner = "live-worker";
            g.LeaseExpiresAt = DateTime.UtcNow.AddSeconds(3);
        });

        var scheduler = studio.App.Services.GetRequiredService<JobScheduler>();
        scheduler.Submit(id);
        scheduler.Submit(id);
        await Task.Delay(1500);
        Assert.Equal(0, fal.Submits);

        // The deliveries left it to the live worker; once its lease ran out and the generation stood still, the
        // recurring job queues the submit again, and it is sent exactly once.
        var done = await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromSeconds(40));
        Assert.Equal("succeeded", (string)done["state"]!);
        Assert.Equal(1, fal.Submits);
    }

    [Fact]
    public async Task A_queued_job_whose_hangfire_job_was_lost_is_submitted_once_by_the_recurring_job()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        await using var studio = await StudioFixture.StartAsync([.. HostedChoices.Settings(fal), "--Studio:Jobs:RecoverStepsAfter=00:00:02"]);
        var scene = await studio.UploadStadiumAsync();
        // Written without its Hangfire job, as a power cut after the commit would leave it.
        var id = await HandMadeRecords.AddHostedAsync(studio, scene, GenerationState.Queued, _ => { });

        var done = await studio.WaitForAsync(id.ToString(), g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromSeconds(40));
        Assert.Equal("succeeded", (string)done["state"]!);
        Assert.Equal(1, fal.Submits);
    }

    [Fact]
    public async Task Every_state_change_of_a_direct_render_is_published_in_order()
    {
        await using var studio = await StudioFixture.StartAsync();
        var events = studio.App.Services.GetRequiredService<GenerationEvents>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var seen = new ConcurrentQueue<GenerationEvent>();
        var listening = await EventListening.ListenAsync(events, seen, stop.Token);
        var scene = await studio.UploadStadiumAsync();
        // Progress is written about once a second, so the render must outlast a second even on a fast machine:
        // a 2K shaded render does, where a wireframe one once finished between two writes.
        using var create = await studio.Client.PostAsJsonAsync("/api/generations", new { sceneId = (string)scene["id"]!, shotId = "establishing", options = new { pass = "shaded", resolution = "2k" } });
        await Waiting.UntilAsync(() => seen.Any(e => e.State.IsTerminal()), TimeSpan.FromMinutes(2), "The render's last event");
        await stop.CancelAsync();
        await listening;

        var states = seen.Select(e => e.State).Distinct().ToList();
        Assert.Equal([GenerationState.Queued, GenerationState.Running, GenerationState.Fetching, GenerationState.Succeeded], states);
        Assert.Contains(seen, e => e.State == GenerationState.Running && e.Progress is > 0 and < 1);
    }

    [Fact]
    public async Task Canceling_a_direct_render_stops_it()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await studio.UploadStadiumAsync();
        using var create = await studio.Client.PostAsJsonAsync("/api/generations", new { sceneId = (string)scene["id"]!, shotId = "establishing", options = new { pass = "shaded", resolution = "2k" } });
        var id = (string)(await create.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        await studio.WaitForAsync(id, g => (string)g["state"]! == "running" && (double?)g["progress"] > 0, TimeSpan.FromSeconds(60));
        using var cancel = await studio.Client.PostAsync($"/api/generations/{id}/cancel", null);
        var done = await studio.WaitForAsync(id, g => ((string)g["state"]!).Length > 0 && (string)g["state"]! is "canceled" or "succeeded" or "failed", TimeSpan.FromSeconds(30));
        Assert.Equal("canceled", (string)done["state"]!);
        Assert.Empty(Directory.GetFiles(Path.Combine(studio.DataFolder, "media")));
    }
}
