using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Previz.Studio.Hosting;

namespace Previz.Studio.Tests.Api;

/// <summary>A studio on a test server (the host <c>previz serve</c> builds, with its real Hangfire workers and SQLite files) in a temporary data folder.</summary>
public sealed class StudioFixture : IAsyncDisposable
{
    private StudioFixture(WebApplication app, string dataFolder, CapturedLogs logs)
    {
        App = app;
        DataFolder = dataFolder;
        Logs = logs;
        Client = app.GetTestClient();
        Client.Timeout = TimeSpan.FromMinutes(2);
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public string DataFolder { get; }

    public CapturedLogs Logs { get; }

    public static Task<StudioFixture> StartAsync(params string[] settings) => StartAsync(null, settings);

    /// <summary>A studio with <paramref name="settings"/>, its services adjusted by <paramref name="configure"/> (replace one: register it again).</summary>
    public static async Task<StudioFixture> StartAsync(Action<IServiceCollection>? configure, params string[] settings)
    {
        var data = Path.Combine(Path.GetTempPath(), "previz-studio-tests", Guid.NewGuid().ToString("N"));
        var logs = new CapturedLogs();
        string[] args = [$"--PREVIZ_DATA={data}", "--Studio:Jobs:PollingInterval=00:00:00.200", "--Studio:Jobs:FirstStatusDelay=00:00:00.500", "--Studio:Jobs:MaxStatusDelay=00:00:01", .. settings];
        var app = StudioHost.BuildServe(args, null, builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.AddProvider(logs);
            // Every level of every category, below the product's quiet defaults: the tests that look for a planted key
            // in the logs then also read what a server run at trace level would write (request headers among it).
            builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
            configure?.Invoke(builder.Services);
        });
        await app.StartAsync();
        return new StudioFixture(app, data, logs);
    }

    public async Task<JsonObject> UploadStadiumAsync()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "stadium.previz.json"));
        using var content = new ByteArrayContent(bytes);
        using var response = await Client.PostAsync("/api/scenes?fileName=stadium.previz.json", content);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<JsonObject> WaitForAsync(string generationId, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonObject last = [];
        while (DateTime.UtcNow < deadline)
        {
            last = (await Client.GetFromJsonAsync<JsonObject>($"/api/generations/{generationId}"))!;
            if (done(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        var warnings = Logs.Lines.Where(l => l.Contains("Warning", StringComparison.Ordinal) || l.Contains("Error", StringComparison.Ordinal));
        throw new TimeoutException($"Generation {generationId} did not get there in time: {last.ToJsonString()}\n{string.Join('\n', warnings)}");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, true);
        }
        catch (IOException)
        {
        }
    }
}
