using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Studio.Tests.Api;
using Previz.Testing;

namespace Previz.Studio.Tests.Processes;

/// <summary>A server that dies while a job's ffmpeg is at work finishes that job after the restart, submitted once.</summary>
public sealed class MediaCrashTests
{
    [Fact]
    public async Task A_server_killed_during_a_jobs_media_work_finishes_that_job_after_the_restart_and_the_vendor_saw_one_submit()
    {
        // 6 s of busy 1080p for a 4 s shot: the finisher re-encodes it, seconds of ffmpeg work to be caught in.
        await using var fal = await LoopbackVendor.StartAsync(TestClip.FullHdMp4);
        fal.WorkTime = TimeSpan.FromSeconds(1);
        var data = Path.Combine(Path.GetTempPath(), "previz-studio-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>(HostedChoices.Environment(fal))
        {
            ["PREVIZ_DATA"] = data,
            ["Studio__Jobs__Lease"] = "00:00:03",
            ["Studio__Jobs__FirstStatusDelay"] = "00:00:00.500",
            ["Studio__Jobs__MaxStatusDelay"] = "00:00:01",
        };
        var port = StudioProcess.FreePort();
        Guid id;
        int? child = null;
        using (var first = await StudioProcess.StartAsync("serve", environment, port))
        {
            using var client = new HttpClient { BaseAddress = first.BaseUri };
            var sceneId = await StudioProcess.UploadStadiumAsync(client);
            using var hosted = await client.PostAsJsonAsync("/api/generations", HostedChoices.Create(sceneId, "a breakaway"));
            id = Guid.Parse((string)(await hosted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);

            // The moment an ffmpeg or ffprobe child of the server works on the job's files, the server dies (SIGKILL),
            // as it would from anything at all going wrong while its child runs.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (child is null)
            {
                Assert.True(DateTime.UtcNow < deadline, $"no media work on job {id} was seen\n{string.Join('\n', first.Output)}");
                child = MediaChildOf(first.Id, id);
                if (child is null)
                {
                    await Task.Delay(5);
                }
            }

            first.Kill();
        }

        Console.WriteLine($"media crash test: the server was killed while its child {child} worked on job {id}");
        Assert.Equal(1, fal.Submits);
        using var second = await StudioProcess.StartAsync("serve", environment, port);
        using var again = new HttpClient { BaseAddress = second.BaseUri };
        var finished = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        JsonObject state;
        while (true)
        {
            state = (await again.GetFromJsonAsync<JsonObject>($"/api/generations/{id}"))!;
            if ((string)state["state"]! is "succeeded" or "failed")
            {
                break;
            }

            Assert.True(DateTime.UtcNow < finished, $"the job did not finish after the restart: {state.ToJsonString()}\n{string.Join('\n', second.Output)}");
            await Task.Delay(250);
        }

        Assert.True((string)state["state"]! == "succeeded", state.ToJsonString());
        Assert.Equal(1, fal.Submits);
        var item = (await again.GetFromJsonAsync<JsonObject>($"/api/gallery/{(string)state["galleryItemId"]!}"))!;
        Assert.Equal("trimmed 6.000 s to 4.000 s, re-encoded to H.264, +faststart", (string)item["provenance"]!["finishing"]!);
        second.Dispose();
        try
        {
            Directory.Delete(data, true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The id of an ffmpeg or ffprobe child of <paramref name="parent"/> whose command line names job <paramref name="job"/>'s files.</summary>
    private static int? MediaChildOf(int parent, Guid job)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                // /proc/PID/stat: "pid (comm) state ppid …".
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var comm = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                var ppid = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                if (ppid == parent && comm is "ffmpeg" or "ffprobe"
                    && File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(job.ToString("N"), StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone since the listing.
            }
        }

        return null;
    }
}
