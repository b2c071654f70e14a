using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Studio.Tests.Api;
using Previz.Testing;

namespace Previz.Studio.Tests.Processes;

public sealed class CrashTests
{
    [Fact]
    public async Task After_SIGKILL_mid_job_a_restarted_server_finishes_both_jobs_and_the_vendor_saw_one_submit()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.Mp4);
        fal.WorkTime = TimeSpan.FromSeconds(8);
        var data = Path.Combine(Path.GetTempPath(), "previz-studio-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>(HostedChoices.Environment(fal))
        {
            ["PREVIZ_DATA"] = data,
            ["Studio__Jobs__Lease"] = "00:00:03",
            ["Studio__Jobs__InvisibilityTimeout"] = "00:00:05",
            ["Studio__Jobs__PollingInterval"] = "00:00:00.250",
            ["Studio__Jobs__FirstStatusDelay"] = "00:00:00.500",
            ["Studio__Jobs__MaxStatusDelay"] = "00:00:01",
        };
        var port = StudioProcess.FreePort();
        string renderId;
        string hostedId;
        using (var first = await StudioProcess.StartAsync("serve", environment, port))
        {
            using var client = new HttpClient { BaseAddress = first.BaseUri };
            var sceneId = await StudioProcess.UploadStadiumAsync(client);

            using var render = await client.PostAsJsonAsync("/api/generations", new { sceneId, shotId = "establishing", options = new { pass = "shaded", resolution = "1k" } });
            renderId = (string)(await render.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            using var hosted = await client.PostAsJsonAsync("/api/generations", HostedChoices.Create(sceneId, "a breakaway"));
            hostedId = (string)(await hosted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

            // Kill once the vendor has the hosted job and the render is part-way through.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                var r = (await client.GetFromJsonAsync<JsonObject>($"/api/generations/{renderId}"))!;
                var h = (await client.GetFromJsonAsync<JsonObject>($"/api/generations/{hostedId}"))!;
                if ((string)r["state"]! == "running" && (double?)r["progress"] > 0.05 && (string)h["state"]! == "running")
                {
                    Assert.True((double)r["progress"]! < 0.9, "the render finished before the kill; make the shot longer");
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"jobs did not start: {r.ToJsonString()} {h.ToJsonString()}\n{string.Join('\n', first.Output)}");
                await Task.Delay(100);
            }

            first.Kill();
        }

        Assert.Equal(1, fal.Submits);
        using var second = await StudioProcess.StartAsync("serve", environment, port);
        using var again = new HttpClient { BaseAddress = second.BaseUri };
        var restarted = DateTime.UtcNow;
        var finished = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        JsonObject renderState;
        JsonObject hostedState;
        while (true)
        {
            renderState = (await again.GetFromJsonAsync<JsonObject>($"/api/generations/{renderId}"))!;
            hostedState = (await again.GetFromJsonAsync<JsonObject>($"/api/generations/{hostedId}"))!;
            if ((string)renderState["state"]! is "succeeded" or "failed" && (string)hostedState["state"]! is "succeeded" or "failed")
            {
                break;
            }

            Assert.True(DateTime.UtcNow < finished, $"jobs did not finish after the restart: {renderState.ToJsonString()} {hostedState.ToJsonString()}\n{string.Join('\n', second.Output)}");
            await Task.Delay(250);
        }

        Console.WriteLine($"crash test: both jobs finished {(DateTime.UtcNow - restarted).TotalSeconds:0.0} s after the restart");
        Assert.True((string)renderState["state"]! == "succeeded", renderState.ToJsonString());
        Assert.Equal("succeeded", (string)hostedState["state"]!);
        Assert.Equal(1, fal.Submits);
        var gallery = (await again.GetFromJsonAsync<JsonArray>("/api/gallery"))!;
        Assert.Equal(2, gallery.Count);
        second.Dispose();
        try
        {
            Directory.Delete(data, true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task A_render_killed_midway_resumes_within_a_minute_of_the_restart_and_its_partial_files_are_removed()
    {
        var data = Path.Combine(Path.GetTempPath(), "previz-studio-tests", Guid.NewGuid().ToString("N"));
        // The product's own job settings (a lease of a minute): only the data folder is the test's.
        var environment = new Dictionary<string, string> { ["PREVIZ_DATA"] = data };
        var temp = Path.Combine(data, "tmp");
        var port = StudioProcess.FreePort();
        string id;
        string[] partial;
        double killedAt;
        using (var first = await StudioProcess.StartAsync("serve", environment, port))
        {
            using var client = new HttpClient { BaseAddress = first.BaseUri };
            var sceneId = await StudioProcess.UploadStadiumAsync(client);
            using var render = await client.PostAsJsonAsync("/api/generations", new { sceneId, shotId = "establishing", options = new { pass = "shaded", resolution = "1k" } });
            id = (string)(await render.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                var r = (await client.GetFromJsonAsync<JsonObject>($"/api/generations/{id}"))!;
                if ((string)r["state"]! == "running" && (double?)r["progress"] > 0.05)
                {
                    Assert.True((double)r["progress"]! < 0.9, "the render finished before the kill; make the shot longer");
                    killedAt = (double)r["progress"]!;
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"the render did not start: {r.ToJsonString()}\n{string.Join('\n', first.Output)}");
                await Task.Delay(100);
            }

            first.Kill();
            partial = FilesOf(temp, id);
            Assert.NotEmpty(partial);
        }

        using var second = await StudioProcess.StartAsync("serve", environment, port);
        using var again = new HttpClient { BaseAddress = second.BaseUri };
        var restarted = DateTime.UtcNow;
        JsonObject state;
        while (true)
        {
            state = (await again.GetFromJsonAsync<JsonObject>($"/api/generations/{id}"))!;
            // Resumed: a new attempt renders from the start (its progress below where the killed one stopped), or it ended.
            if ((string)state["state"]! is "succeeded" or "failed" || ((string)state["state"]! == "running" && (double?)state["progress"] < killedAt))
            {
                break;
            }

            Assert.True(DateTime.UtcNow - restarted < TimeSpan.FromSeconds(60), $"the render did not resume within 60 s of the restart: {state.ToJsonString()}\n{string.Join('\n', second.Output)}");
            await Task.Delay(250);
        }

        Console.WriteLine($"crash test: the render resumed {(DateTime.UtcNow - restarted).TotalSeconds:0.0} s after the restart");
        Assert.All(partial, file => Assert.False(File.Exists(file), $"{file} was left behind"));
        var finished = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while ((string)state["state"]! is not ("succeeded" or "failed"))
        {
            Assert.True(DateTime.UtcNow < finished, $"the render did not finish: {state.ToJsonString()}");
            await Task.Delay(500);
            state = (await again.GetFromJsonAsync<JsonObject>($"/api/generations/{id}"))!;
        }

        Assert.Equal("succeeded", (string)state["state"]!);
        Assert.Empty(FilesOf(temp, id));
        second.Dispose();
        try
        {
            Directory.Delete(data, true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A generation's files in the data folder's tmp: its own, and the encoder's hidden partial file.</summary>
    private static string[] FilesOf(string temp, string id) =>
        [.. Directory.GetFiles(temp, $"{Guid.Parse(id):N}.*"), .. Directory.GetFiles(temp, $".{Guid.Parse(id):N}.*")];
}
