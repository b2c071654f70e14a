using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Events;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Tests.Api;
using Previz.Studio.Tests.Jobs;
using Previz.Testing;

namespace Previz.Studio.Tests.Events;

public sealed class CrossProcessEventsTests
{
    [Fact]
    public async Task Changes_made_by_another_process_on_the_same_data_folder_reach_subscribers_once_and_in_order()
    {
        // A key so the pipeline plans the hand-made record; no vendor is called.
        await using var studio = await StudioFixture.StartAsync($"--FAL_KEY={HostedChoices.Key}");
        var scene = await studio.UploadStadiumAsync();
        // Never enqueued: only the other "process" below touches it.
        var id = await HandMadeRecords.AddHostedAsync(studio, scene, GenerationState.Queued, _ => { });

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var seen = new ConcurrentQueue<GenerationEvent>();
        var listening = await EventListening.ListenAsync(studio.App.Services.GetRequiredService<GenerationEvents>(), seen, stop.Token);

        // A second process: its own database objects, change log and events on the same files, nothing shared in memory.
        var other = OtherProcessStore(studio.DataFolder, out var otherEvents);
        var otherSeen = new ConcurrentQueue<GenerationEvent>();
        var otherListening = await EventListening.ListenAsync(otherEvents, otherSeen, stop.Token);
        await using var held = (await other.TakeAsync(id, "other-worker", CancellationToken.None))!;
        await other.UpdateAsync(held, g => g.State = GenerationState.Submitting, CancellationToken.None);
        await other.UpdateAsync(held, g => { g.State = GenerationState.Running; g.QueuePosition = 3; }, CancellationToken.None);
        // Lease bookkeeping and unchanged records are not changes anyone hears about. (The renewal also makes the
        // held record stale: the next write meets it and applies its change again on what is committed.)
        Assert.True(await other.RenewAsync(id, "other-worker", CancellationToken.None));
        await other.UpdateAsync(held, g => g.PollCount++, CancellationToken.None);
        await other.UpdateAsync(held, g => { g.QueuePosition = null; g.Progress = 0.5; }, CancellationToken.None);
        await other.UpdateAsync(held, g => { g.State = GenerationState.Succeeded; g.Progress = 1; }, CancellationToken.None);
        // The terminal write gave the lease back with it.
        Assert.True(held.Released);
        var stored = (await other.FindAsync(id, CancellationToken.None))!;
        Assert.Null(stored.LeaseOwner);
        Assert.Equal(1, stored.PollCount);

        await Waiting.UntilAsync(() => seen.Any(e => e.GenerationId == id && e.State == GenerationState.Succeeded), TimeSpan.FromMinutes(1), "The success event");
        // Anything published twice would arrive within a few reads of the log.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var mine = seen.Where(e => e.GenerationId == id).Select(e => (e.State, e.QueuePosition, e.Progress)).ToList();
        Assert.Equal(
            [
                (GenerationState.Submitting, null, null),
                (GenerationState.Running, 3, null),
                (GenerationState.Running, null, 0.5),
                (GenerationState.Succeeded, null, 1.0),
            ],
            mine);

        // The other process has no relay (like a worker): its own subscribers hear nothing, its commits only go to the log.
        Assert.Empty(otherSeen);
        await stop.CancelAsync();
        await listening;
        await otherListening;
    }

    [Fact]
    public async Task A_change_made_by_the_serving_process_itself_is_published_exactly_once()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        await using var studio = await StudioFixture.StartAsync(HostedChoices.Settings(fal));
        var scene = await studio.UploadStadiumAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var seen = new ConcurrentQueue<GenerationEvent>();
        var listening = await EventListening.ListenAsync(studio.App.Services.GetRequiredService<GenerationEvents>(), seen, stop.Token);

        var id = await HandMadeRecords.AddHostedAsync(studio, scene, GenerationState.Queued, _ => { });

        using var cancel = await studio.Client.PostAsync($"/api/generations/{id}/cancel", null);
        cancel.EnsureSuccessStatusCode();
        await Waiting.UntilAsync(() => seen.Any(e => e.GenerationId == id), TimeSpan.FromMinutes(1), "The cancel event");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var change = Assert.Single(seen, e => e.GenerationId == id);
        Assert.Equal(GenerationState.Canceled, change.State);
        Assert.Equal("Canceled", change.Message);
        await stop.CancelAsync();
        await listening;
    }

    private static GenerationStore OtherProcessStore(string dataFolder, out GenerationEvents events)
    {
        var options = new StudioOptions { DataFolder = dataFolder };
        events = new GenerationEvents();
        return new GenerationStore(new StudioDatabase(options, new DataFolder(dataFolder)), new GenerationChangeLog(), TimeProvider.System, options);
    }
}
