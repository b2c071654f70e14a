using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Studio.Tests.Processes;
using Previz.Testing;

namespace Previz.Studio.Tests.EndToEnd;

/// <summary>
/// A real <c>previz serve</c> process on a free loopback port with its own data folder, the bundled samples loaded
/// (<c>Studio:LoadSamples</c>; the stadium is uploaded through the API when the host does not load samples), and fal
/// pointed at a loopback <see cref="LoopbackVendor"/> with a dummy key. Killed, and its data folder removed, at the end.
/// </summary>
public class StudioServer : IAsyncLifetime
{
    private readonly string _data = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "previz-e2e", Guid.NewGuid().ToString("N"));
    private LoopbackVendor? _fal;
    private StudioProcess? _process;

    public LoopbackVendor Fal => _fal ?? throw new InvalidOperationException("Not started.");

    public StudioProcess Process => _process ?? throw new InvalidOperationException("Not started.");

    public Uri BaseUri => Process.BaseUri!;

    /// <summary>The stadium sample as stored by the server.</summary>
    public Guid StadiumId { get; private set; }

    /// <summary>The stadium sample file (<c>samples/stadium.previz.json</c>), for names and shot figures.</summary>
    public JsonObject Stadium { get; } = JsonNode.Parse(File.ReadAllText(SamplePath))!.AsObject();

    public string StadiumName => (string)Stadium["name"]!;

    private static string SamplePath => System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", "stadium.previz.json");

    /// <summary>A shot's duration (seconds) and frame rate from the sample file.</summary>
    public (double Duration, double Fps) Shot(string id)
    {
        var shot = Stadium["shots"]!.AsArray().Single(s => (string?)s?["id"] == id)!;
        return ((double)shot["duration"]!, (double?)shot["fps"] ?? 24);
    }

    /// <summary>The access token the server requires (<c>PREVIZ_TOKEN</c>); null for none. The clients made here carry it.</summary>
    public virtual string? Token => null;

    public HttpClient CreateClient()
    {
        var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        if (Token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        }

        return client;
    }

    public virtual async Task InitializeAsync()
    {
        // The vendor's clip is 5 s, Kling's shortest length: longer than the 4 s breakaway shot it is trimmed to.
        _fal = await LoopbackVendor.StartAsync(TestClip.FiveSecondMp4);
        var environment = new Dictionary<string, string>
        {
            ["PREVIZ_DATA"] = _data,
            ["FAL_KEY"] = "fal-e2e-dummy-key",
            ["Providers__Fal__QueueUrl"] = _fal.FalQueueUrl.ToString(),
            ["Providers__Fal__StorageUrl"] = _fal.FalStorageUrl.ToString(),
            ["Studio__LoadSamples"] = "true",
            ["Studio__SamplesFolder"] = System.IO.Path.Combine(RepositoryRoot.Path, "samples"),
            ["Studio__Jobs__PollingInterval"] = "00:00:00.250",
            ["Studio__Jobs__FirstStatusDelay"] = "00:00:00.500",
            ["Studio__Jobs__MaxStatusDelay"] = "00:00:01",
            ["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1",
        };
        if (Token is not null)
        {
            environment["PREVIZ_TOKEN"] = Token;
        }

        _process = await StudioProcess.StartAsync("serve", environment, StudioProcess.FreePort());
        StadiumId = await FindOrUploadStadiumAsync();
    }

    private async Task<Guid> FindOrUploadStadiumAsync()
    {
        using var client = CreateClient();
        var scenes = (await client.GetFromJsonAsync<JsonArray>("/api/scenes"))!;
        var stored = scenes.FirstOrDefault(s => (string?)s?["name"] == StadiumName);
        if (stored is not null)
        {
            return Guid.Parse((string)stored["id"]!);
        }

        using var upload = await client.PostAsync("/api/scenes?fileName=stadium.previz.json", new ByteArrayContent(await File.ReadAllBytesAsync(SamplePath)));
        var answer = await upload.Content.ReadAsStringAsync();
        Assert.True(upload.IsSuccessStatusCode, $"uploading the stadium failed: {(int)upload.StatusCode} {answer}");
        return Guid.Parse((string)JsonNode.Parse(answer)!["id"]!);
    }

    /// <summary>The server's output so far, for failure messages.</summary>
    public string Log => string.Join('\n', Process.Output);

    public virtual async Task DisposeAsync()
    {
        _process?.Dispose();
        if (_fal is not null)
        {
            await _fal.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Never created.
        }
    }
}
