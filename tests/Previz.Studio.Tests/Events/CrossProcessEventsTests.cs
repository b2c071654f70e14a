using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Previz.Providers.Hosting;
using Previz.Studio.Events;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Tests.Api;
using Previz.Studio.Tests.Loopback;

namespace Previz.Studio.Tests.Events;

public sealed class CrossProcessEventsTests
{
    [Fact]
    public async Task Changes_made_by_another_process_on_the_same_data_folder_reach_subscribers_once_and_in_order()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await studio.UploadStadiumAsync();
        var id = Guid.NewGuid();
        await using (var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext())
        {
            // Never enqueued: only the other "process" below touches it.
            db.Generations.Add(NewHosted(id, Guid.Parse((string)scene["id"]!)));
            await db.SaveChangesAsync();
        }

        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var seen = new ConcurrentQueue<GenerationEvent>();
        var listening = await Listen(studio.App.Services.GetRequiredService<GenerationEvents>(), seen, stop.Token);

        // A second process: its own database objects, change log and events on the same files, nothing shared in memory.
        var other = OtherProcessStore(studio.DataFolder, out var otherEvents);
        var otherSeen = new ConcurrentQueue<GenerationEvent>();
        var otherListening = await Listen(otherEvents, otherSeen, stop.Token);
        Assert.True((await other.TryAcquireAsync(id, "other-worker", CancellationToken.None)).Acquired);
        await other.UpdateAsync(id, "other-worker", g => g.State = GenerationState.Submitting, CancellationToken.None);
        await other.UpdateAsync(id, "other-worker", g => { g.State = GenerationState.Running; g.QueuePosition = 3; }, CancellationToken.None);
        // Lease bookkeeping and unchanged records are not changes anyone hears about.
        Assert.True(await other.RenewAsync(id, "other-worker", CancellationToken.None));
        await other.UpdateAsync(id, "other-worker", g => g.PollCount++, CancellationToken.None);
        await other.UpdateAsync(id, "other-worker", g => { g.QueuePosition = null; g.Progress = 0.5; }, CancellationToken.None);
        await other.UpdateAsync(id, "other-worker", g => { g.State = GenerationState.Succeeded; g.Progress = 1; }, CancellationToken.None);
        await other.ReleaseAsync(id, "other-worker", CancellationToken.None);

        await WaitUntil(() => seen.Any(e => e.GenerationId == id && e.State == GenerationState.Succeeded), stop.Token);
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
        await using var fal = await FakeFal.StartAsync(TestClip.Mp4);
        await using var studio = await StudioFixture.StartAsync("--FAL_KEY=fal-test-key-123456", $"--Providers:Fal:QueueUrl={fal.BaseUri}");
        var scene = await studio.UploadStadiumAsync();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var seen = new ConcurrentQueue<GenerationEvent>();
        var listening = await Listen(studio.App.Services.GetRequiredService<GenerationEvents>(), seen, stop.Token);

        var id = Guid.NewGuid();
        await using (var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext())
        {
            db.Generations.Add(NewHosted(id, Guid.Parse((string)scene["id"]!)));
            await db.SaveChangesAsync();
        }

        using var cancel = await studio.Client.PostAsync($"/api/generations/{id}/cancel", null);
        cancel.EnsureSuccessStatusCode();
        await WaitUntil(() => seen.Any(e => e.GenerationId == id), stop.Token);
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

    private static GenerationRecord NewHosted(Guid id, Guid sceneId) => new()
    {
        Id = id,
        Kind = GenerationKind.Hosted,
        State = GenerationState.Queued,
        SceneId = sceneId,
        ShotId = "breakaway",
        Mode = "wireframe-to-video",
        ModelId = "test-video",
        VendorRequestJson = JsonSerializer.Serialize(new StoredHostedRequest(HostedProvider.Fal, FakeFal.Endpoint, new JsonObject { ["prompt"] = "x" }), StudioJson.Options),
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    /// <summary>Subscribes before returning; the returned task is the listening loop.</summary>
    private static async Task<Task> Listen(GenerationEvents events, ConcurrentQueue<GenerationEvent> into, CancellationToken cancellationToken)
    {
        var subscribed = new TaskCompletionSource();
        var loop = Task.Run(async () =>
        {
            try
            {
                var stream = events.SubscribeAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
                await using (stream)
                {
                    var next = stream.MoveNextAsync();
                    subscribed.TrySetResult();
                    while (await next)
                    {
                        into.Enqueue(stream.Current);
                        next = stream.MoveNextAsync();
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                subscribed.TrySetResult();
            }
        }, CancellationToken.None);
        await subscribed.Task;
        return loop;
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
