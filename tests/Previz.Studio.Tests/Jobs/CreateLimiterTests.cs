using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Planning;
using Previz.Studio.Tests.Api;

namespace Previz.Studio.Tests.Jobs;

/// <summary>A burst of create calls takes turns: at most so many at once, the rest in the order they came.</summary>
public sealed class CreateLimiterTests
{
    [Fact]
    public async Task Creates_beyond_the_limit_start_when_a_slot_is_free_in_the_order_they_came()
    {
        using var limiter = new CreateLimiter(new StudioOptions { Jobs = { CreateConcurrency = 2 } });
        var started = new List<int>();
        var finish = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var creates = Enumerable.Range(0, 4).Select(i => limiter.RunAsync(() =>
        {
            lock (started)
            {
                started.Add(i);
            }

            return finish[i].Task;
        }, CancellationToken.None)).ToArray();

        Assert.Equal([0, 1], Started());
        finish[1].SetResult(1);
        Assert.Equal(1, await creates[1]);
        await Waiting.UntilAsync(() => Started().Length == 3, TimeSpan.FromSeconds(30), "The third create");
        Assert.Equal([0, 1, 2], Started());
        finish[0].SetResult(0);
        await Waiting.UntilAsync(() => Started().Length == 4, TimeSpan.FromSeconds(30), "The fourth create");
        finish[2].SetResult(2);
        finish[3].SetResult(3);
        var results = await Task.WhenAll(creates);
        Assert.Equal([0, 1, 2, 3], results);

        int[] Started()
        {
            lock (started)
            {
                return [.. started];
            }
        }
    }

    [Fact]
    public void Unset_it_allows_one_create_per_core()
    {
        using var limiter = new CreateLimiter(new StudioOptions());
        Assert.Equal(Environment.ProcessorCount, limiter.Capacity);
    }

    [Fact]
    public async Task A_create_call_waits_for_the_limiter_and_one_given_up_while_waiting_stores_nothing()
    {
        await using var studio = await StudioFixture.StartAsync("--Studio:Jobs:CreateConcurrency=1");
        var scene = await studio.UploadStadiumAsync();
        var limiter = studio.App.Services.GetRequiredService<CreateLimiter>();
        var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = limiter.RunAsync(() => release.Task, CancellationToken.None);

        using (var giveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => PostRenderAsync(studio, scene, giveUp.Token));
        }

        var waiting = PostRenderAsync(studio, scene, CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "a create ran while the only slot was taken");
        Assert.Equal(0, await CountGenerationsAsync(studio));

        release.SetResult(true);
        Assert.True(await holder);
        using var created = await waiting;
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        Assert.Equal(1, await CountGenerationsAsync(studio));
    }

    private static Task<HttpResponseMessage> PostRenderAsync(StudioFixture studio, JsonObject scene, CancellationToken cancellationToken) =>
        studio.Client.PostAsJsonAsync("/api/generations", new JsonObject
        {
            ["sceneId"] = (string)scene["id"]!,
            ["shotId"] = "breakaway",
            ["modelId"] = ShotPlanningService.DirectRenderModelId,
            ["options"] = new JsonObject { ["pass"] = "wireframe" },
        }, cancellationToken);

    private static async Task<int> CountGenerationsAsync(StudioFixture studio)
    {
        await using var db = studio.App.Services.GetRequiredService<StudioDatabase>().CreateContext();
        return await db.Generations.CountAsync();
    }
}
