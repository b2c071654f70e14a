using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Studio.Tests.Loopback;
using Previz.Studio.Tests.Processes;

namespace Previz.Studio.Tests.ScaleOut;

public sealed class ScaleOutTests
{
    [Fact]
    public async Task One_server_and_two_workers_on_PostgreSQL_finish_20_jobs_exactly_once_when_a_worker_is_killed()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var fal = await FakeFal.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromSeconds(4);
        var shared = Path.Combine(Path.GetTempPath(), "previz-studio-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["PREVIZ_DATA"] = shared,
            ["PREVIZ_DATABASE"] = database,
            ["FAL_KEY"] = "fal-scale-out-key",
            ["Providers__Fal__QueueUrl"] = fal.BaseUri.ToString(),
            ["Studio__AllowRawHostedRequests"] = "true",
            ["Studio__Jobs__Lease"] = "00:00:03",
            ["Studio__Jobs__InvisibilityTimeout"] = "00:00:05",
            ["Studio__Jobs__PollingInterval"] = "00:00:00.250",
            ["Studio__Jobs__FirstStatusDelay"] = "00:00:00.500",
            ["Studio__Jobs__MaxStatusDelay"] = "00:00:01",
            ["Studio__Jobs__HostedWorkers"] = "5",
        };
        using var serve = await StudioProcess.StartAsync("serve", environment, StudioProcess.FreePort());
        using var workerA = await StudioProcess.StartAsync("worker", environment);
        using var workerB = await StudioProcess.StartAsync("worker", environment);
        using var client = new HttpClient { BaseAddress = serve.BaseUri };
        var sceneBytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "stadium.previz.json"));
        using var upload = await client.PostAsync("/api/scenes?fileName=stadium.previz.json", new ByteArrayContent(sceneBytes));
        var sceneId = (string)(await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            using var created = await client.PostAsJsonAsync("/api/generations", new JsonObject
            {
                ["sceneId"] = sceneId,
                ["shotId"] = "breakaway",
                ["modelId"] = "test-video",
                ["hostedRequest"] = new JsonObject { ["provider"] = "fal", ["endpoint"] = FakeFal.Endpoint, ["body"] = new JsonObject { ["prompt"] = $"job-{i}" } },
            });
            ids.Add((string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        }

        // Kill a worker while the jobs are at the vendor.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (fal.Submits < 10)
        {
            Assert.True(DateTime.UtcNow < deadline, $"jobs were not submitted: {fal.Submits}\n{string.Join('\n', serve.Output)}");
            await Task.Delay(100);
        }

        workerA.Kill();

        var finished = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        List<JsonObject> states;
        while (true)
        {
            states = [.. (await client.GetFromJsonAsync<JsonArray>("/api/generations?take=100"))!.Select(n => n!.AsObject())];
            if (states.Count == 20 && states.All(s => (string)s["state"]! is "succeeded" or "failed" or "canceled"))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < finished, "jobs did not finish: " + string.Join(", ", states.Select(s => (string)s["state"]!)) + "\n" + string.Join('\n', workerB.Output));
            await Task.Delay(250);
        }

        Assert.All(states, s => Assert.True((string)s["state"]! == "succeeded", s.ToJsonString()));
        Assert.Equal(20, fal.Submits);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"job-{i}").Order(), fal.SubmittedPrompts.Order());
        Assert.Equal(20, fal.Downloads.Count);
        var gallery = (await client.GetFromJsonAsync<JsonArray>("/api/gallery?take=100"))!;
        Assert.Equal(20, gallery.Count);
        Assert.Equal(ids.Order(), gallery.Select(g => (string)g!["generationId"]!).Order());
        try
        {
            Directory.Delete(shared, true);
        }
        catch (IOException)
        {
        }
    }
}
