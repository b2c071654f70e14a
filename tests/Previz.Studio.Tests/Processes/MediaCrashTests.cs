using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Testing;

namespace Previz.Studio.Tests.Processes;

/// <summary>A server that dies inside FFmpeg's libraries while finishing a clip does not die on that clip again.</summary>
public sealed class MediaCrashTests
{
    [Fact]
    public async Task A_server_killed_during_a_clips_in_process_media_work_finishes_that_clip_with_ffmpeg_processes_after_the_restart()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.FullHdMp4);
        fal.WorkTime = TimeSpan.FromSeconds(1);
        var data = Path.Combine(Path.GetTempPath(), "previz-studio-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["PREVIZ_DATA"] = data,
            ["FAL_KEY"] = "fal-media-crash-test-key",
            ["Providers__Fal__QueueUrl"] = fal.FalQueueUrl.ToString(),
            ["Studio__AllowRawHostedRequests"] = "true",
            ["Studio__Jobs__Lease"] = "00:00:03",
            ["Studio__Jobs__FirstStatusDelay"] = "00:00:00.500",
            ["Studio__Jobs__MaxStatusDelay"] = "00:00:01",
        };
        var port = StudioProcess.FreePort();
        var created = 0;
        string? caught = null;
        using (var first = await StudioProcess.StartAsync("serve", environment, port))
        {
            using var client = new HttpClient { BaseAddress = first.BaseUri };
            var sceneId = await StudioProcess.UploadStadiumAsync(client);

            // Each try: one job, watched through the server's media-guard log. The moment the log says its media work
            // runs, the server is frozen; if the log still says so, the server dies right there (SIGKILL), as in a
            // decoder fault. Too late (the work was done), it goes on and the next job tries again.
            while (caught is null && created < 5)
            {
                using var hosted = await client.PostAsJsonAsync("/api/generations", new JsonObject
                {
                    ["sceneId"] = sceneId,
                    ["shotId"] = "breakaway",
                    ["modelId"] = "test-video",
                    ["hostedRequest"] = new JsonObject { ["provider"] = "fal", ["endpoint"] = LoopbackVendor.FalEndpoint, ["body"] = new JsonObject { ["prompt"] = $"try {created}" } },
                });
                var id = Guid.Parse((string)(await hosted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
                created++;
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
                var asked = System.Diagnostics.Stopwatch.StartNew();
                while (DateTime.UtcNow < deadline)
                {
                    // The log is read as often as possible; the job's state (an HTTP call) a few times a second.
                    if (asked.ElapsedMilliseconds > 200)
                    {
                        if ((string)(await client.GetFromJsonAsync<JsonObject>($"/api/generations/{id}"))!["state"]! == "succeeded")
                        {
                            break;
                        }

                        asked.Restart();
                    }

                    if (!InFlight(data, first.Id, id))
                    {
                        continue;
                    }

                    first.Freeze(true);
                    if (InFlight(data, first.Id, id))
                    {
                        first.Kill();
                        caught = id.ToString();
                        break;
                    }

                    first.Freeze(false);
                }
            }
        }

        Assert.True(caught is not null, $"no kill landed inside the media work of {created} jobs");
        Console.WriteLine($"media crash test: the kill landed inside the media work of job {created}");
        Assert.Equal(created, fal.Submits);
        using var second = await StudioProcess.StartAsync("serve", environment, port);
        using var again = new HttpClient { BaseAddress = second.BaseUri };
        var finished = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        JsonObject state;
        while (true)
        {
            state = (await again.GetFromJsonAsync<JsonObject>($"/api/generations/{caught}"))!;
            if ((string)state["state"]! is "succeeded" or "failed")
            {
                break;
            }

            Assert.True(DateTime.UtcNow < finished, $"the job did not finish after the restart: {state.ToJsonString()}\n{string.Join('\n', second.Output)}");
            await Task.Delay(250);
        }

        Assert.True((string)state["state"]! == "succeeded", state.ToJsonString());
        Assert.Equal(created, fal.Submits);
        var item = (await again.GetFromJsonAsync<JsonObject>($"/api/gallery/{(string)state["galleryItemId"]!}"))!;
        Assert.EndsWith("(ffmpeg processes: an earlier attempt stopped the server during its media work)", (string)item["provenance"]!["finishing"]!, StringComparison.Ordinal);
        Assert.Contains(second.Output, line => line.Contains("an earlier attempt ended with its process during media work", StringComparison.Ordinal));
        second.Dispose();
        try
        {
            Directory.Delete(data, true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Whether the media-guard log of process <paramref name="pid"/> has <paramref name="id"/> started and not ended.</summary>
    private static bool InFlight(string data, int pid, Guid id)
    {
        var folder = Path.Combine(data, "media-guard");
        if (!Directory.Exists(folder))
        {
            return false;
        }

        foreach (var log in Directory.GetFiles(folder, $"*-{pid}-*.log"))
        {
            try
            {
                using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var text = new StreamReader(stream).ReadToEnd();
                return text.Contains($"+{id:N}", StringComparison.Ordinal) && !text.Contains($"-{id:N}", StringComparison.Ordinal);
            }
            catch (FileNotFoundException)
            {
                return false;
            }
        }

        return false;
    }
}
