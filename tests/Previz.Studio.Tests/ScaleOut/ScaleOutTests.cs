using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Previz.Studio.Tests.Api;
using Previz.Studio.Tests.Processes;
using Previz.Testing;

namespace Previz.Studio.Tests.ScaleOut;

public sealed partial class ScaleOutTests
{
    [Fact]
    public async Task One_server_and_two_workers_on_PostgreSQL_finish_20_jobs_exactly_once_when_a_worker_is_killed()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync();
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromSeconds(4);
        var shared = Path.Combine(Path.GetTempPath(), "previz-studio-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>(HostedChoices.Environment(fal))
        {
            ["PREVIZ_DATA"] = shared,
            ["PREVIZ_DATABASE"] = database,
            ["Studio__Jobs__Lease"] = "00:00:10",
            ["Studio__Jobs__InvisibilityTimeout"] = "00:00:05",
            ["Studio__Jobs__PollingInterval"] = "00:00:00.250",
            ["Studio__Jobs__FirstStatusDelay"] = "00:00:00.500",
            ["Studio__Jobs__MaxStatusDelay"] = "00:00:01",
            ["Studio__Jobs__HostedWorkers"] = "5",
        };
        // serve is the web front only: the two worker processes run every job.
        using var serve = await StudioProcess.StartAsync("serve", new Dictionary<string, string>(environment) { ["Studio__Jobs__RunWorkers"] = "false" }, StudioProcess.FreePort());
        using var workerA = await StudioProcess.StartAsync("worker", environment);
        using var workerB = await StudioProcess.StartAsync("worker", environment);
        using var client = new HttpClient { BaseAddress = serve.BaseUri };
        var sceneId = await StudioProcess.UploadStadiumAsync(client);

        // serve's event stream, open before any job starts: it must report the jobs the worker processes run too.
        using var stopEvents = new CancellationTokenSource();
        using var eventsClient = new HttpClient { BaseAddress = serve.BaseUri, Timeout = Timeout.InfiniteTimeSpan };
        var events = new ConcurrentQueue<JsonObject>();
        var listening = await ListenAsync(eventsClient, events, stopEvents.Token);

        var ids = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            using var created = await client.PostAsJsonAsync("/api/generations", HostedChoices.Create(sceneId, $"job-{i}."));
            ids.Add((string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        }

        // Kill a worker while the jobs are at the vendor: every submit answered, so no job is between sending and
        // recording its vendor id (a kill there leaves the outcome honestly unknown, which is another test's subject).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var now = (await client.GetFromJsonAsync<JsonArray>("/api/generations?take=100"))!.Select(n => (string)n!["state"]!).ToList();
            if (fal.Submits == 20 && now.Count == 20 && now.All(state => state is not ("queued" or "submitting")))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, $"jobs were not all submitted: {fal.Submits} submits, states {string.Join(", ", now)}\n{string.Join('\n', serve.Output)}");
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

            Assert.True(DateTime.UtcNow < finished, "jobs did not finish: " + string.Join(", ", states.Select(s => (string)s["state"]!)) + "\n" + Problems(states, serve, workerA, workerB));
            await Task.Delay(250);
        }

        Assert.All(states, s => Assert.True((string)s["state"]! == "succeeded", s.ToJsonString() + "\n" + Problems(states, serve, workerA, workerB)));
        Assert.Equal(20, fal.Submits);
        // Each job's own prompt reached the vendor once (the user's Scene part leads the composed prompt).
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"job-{i}.").Order(), fal.SubmittedPrompts.Select(p => p.Split('\n')[0]).Order());
        Assert.Equal(20, fal.Downloads.Count);
        var gallery = (await client.GetFromJsonAsync<JsonArray>("/api/gallery?take=100"))!;
        Assert.Equal(20, gallery.Count);
        Assert.Equal(ids.Order(), gallery.Select(g => (string)g!["generationId"]!).Order());

        // Every job's terminal state reached serve's subscribers exactly once, though only the worker processes stored
        // clips (a worker logs each clip it stores).
        var byWorkers = workerA.Output.Concat(workerB.Output).Select(l => StoredLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        var byServe = serve.Output.Select(l => StoredLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Empty(byServe);
        Assert.Equal(ids.Order(), byWorkers.Union(byServe).Order());
        var eventDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (events.Count(e => (string)e["state"]! == "succeeded") < 20 && DateTime.UtcNow < eventDeadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(1000);
        await stopEvents.CancelAsync();
        await listening;
        var terminal = events.Where(e => (string)e["state"]! is "succeeded" or "failed" or "canceled").Select(e => (string)e["generationId"]!).ToList();
        Assert.Equal(ids.Order(), terminal.Order());
        Assert.All(byWorkers, id => Assert.Single(terminal, id));
        foreach (var id in ids)
        {
            // In order per generation: queued first, succeeded last.
            var sequence = events.Where(e => (string)e["generationId"]! == id).Select(e => (string)e["state"]!).ToList();
            Assert.Equal("queued", sequence[0]);
            Assert.Equal("succeeded", sequence[^1]);
        }

        try
        {
            Directory.Delete(shared, true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The unfinished records and every process's warnings and errors (with the two lines after each), for a failure message.</summary>
    private static string Problems(List<JsonObject> states, params StudioProcess[] processes)
    {
        var lines = states.Where(s => (string)s["state"]! != "succeeded").Select(s => s.ToJsonString()).ToList();
        for (var p = 0; p < processes.Length; p++)
        {
            var output = processes[p].Output.ToArray();
            for (var i = 0; i < output.Length; i++)
            {
                if (output[i].StartsWith("warn:", StringComparison.Ordinal) || output[i].StartsWith("fail:", StringComparison.Ordinal) || output[i].StartsWith("crit:", StringComparison.Ordinal))
                {
                    lines.AddRange(output.Skip(i).Take(3).Select(l => $"[{p}] {l}"));
                }
            }
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex("Generation ([0-9a-f-]{36}) stored as gallery item")]
    private static partial Regex StoredLine();

    /// <summary>Reads <c>GET /api/events</c> into <paramref name="into"/>; returns once the stream is open.</summary>
    private static async Task<Task> ListenAsync(HttpClient client, ConcurrentQueue<JsonObject> into, CancellationToken cancellationToken)
    {
        var response = await client.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        // The server writes ": connected" once it has subscribed.
        await reader.ReadLineAsync(cancellationToken);
        return Task.Run(
            async () =>
            {
                using (response)
                using (reader)
                {
                    try
                    {
                        while (await reader.ReadLineAsync(cancellationToken) is { } line)
                        {
                            if (line.StartsWith("data: ", StringComparison.Ordinal))
                            {
                                into.Enqueue(JsonNode.Parse(line["data: ".Length..])!.AsObject());
                            }
                        }
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            },
            CancellationToken.None);
    }
}
