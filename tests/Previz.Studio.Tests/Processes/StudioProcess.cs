using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Previz.Studio.Tests.Processes;

/// <summary>A real <c>previz serve</c> or <c>previz worker</c> process (the CLI built beside the tests), with its output kept.</summary>
public sealed class StudioProcess : IDisposable
{
    private readonly System.Diagnostics.Process _process;

    private StudioProcess(System.Diagnostics.Process process, Uri? baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri? BaseUri { get; }

    public ConcurrentQueue<string> Output { get; } = new();

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the process to end by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var stop = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(stop.Token);
        return _process.ExitCode;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<StudioProcess> StartAsync(string command, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "previz.dll"));
        start.ArgumentList.Add(command);
        Uri? baseUri = null;
        if (port is { } p)
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{p}");
            baseUri = new Uri($"http://127.0.0.1:{p}");
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = System.Diagnostics.Process.Start(start)!;
        var studio = new StudioProcess(process, baseUri);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) studio.Output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) studio.Output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (baseUri is not null)
        {
            await studio.WaitHealthyAsync(TimeSpan.FromSeconds(60), environment.GetValueOrDefault("PREVIZ_TOKEN"));
        }

        return studio;
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, string? token)
    {
        using var client = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(5) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"previz exited with {_process.ExitCode}:\n{string.Join('\n', Output)}");
            }

            try
            {
                using var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"previz did not answer /health:\n{string.Join('\n', Output)}");
    }

    /// <summary>Uploads the bundled stadium sample through a running studio's API; returns the scene's id.</summary>
    public static async Task<string> UploadStadiumAsync(HttpClient client)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "stadium.previz.json"));
        using var upload = await client.PostAsync("/api/scenes?fileName=stadium.previz.json", new ByteArrayContent(bytes));
        upload.EnsureSuccessStatusCode();
        return (string)(await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    /// <summary>SIGSTOP (true) or SIGCONT (false): freezes the process where it is, or lets it go on.</summary>
    public void Freeze(bool frozen)
    {
        using var kill = System.Diagnostics.Process.Start(new ProcessStartInfo("kill", [frozen ? "-STOP" : "-CONT", $"{_process.Id}"]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
