using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Previz.Cli.Tests;

/// <summary>
/// fal's queue and storage protocol on 127.0.0.1 (as in the providers tests' loopback vendor, fal-js queue.ts and
/// storage.ts): upload initiate + PUT, submit, status IN_QUEUE → IN_PROGRESS (with logs) → COMPLETED, result with a
/// video File, the video itself — a real MP4 made with ffmpeg — and cancel. Records every request. Built on
/// HttpListener so this test project needs no ASP.NET Core (the CLI it also starts as a process has none).
/// </summary>
internal sealed class LoopbackFal : IAsyncDisposable
{
    public const string Key = "fal-cli-test-key-9f8e7d6c5b4a";
    public const string RequestId = "0b9d6a1c-cli-test";

    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly ConcurrentQueue<(string Method, string Path, string Body, string? Auth)> _requests = new();
    private readonly ConcurrentDictionary<string, byte[]> _uploads = new();
    private int _statusCalls;

    private LoopbackFal(HttpListener listener, Uri baseUri, byte[] video)
    {
        _listener = listener;
        BaseUri = baseUri;
        Video = video;
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUri { get; }

    public byte[] Video { get; }

    public string Endpoint { get; init; } = "fal-ai/kling-video/v2.1/pro/image-to-video";

    public IReadOnlyList<(string Method, string Path, string Body, string? Auth)> Requests => [.. _requests];

    public IReadOnlyDictionary<string, byte[]> Uploads => _uploads;

    /// <summary>Starts the server with a <paramref name="seconds"/> s, 24 fps, 320×180 H.264 clip made by ffmpeg.</summary>
    public static async Task<LoopbackFal> StartAsync(double seconds)
    {
        var video = await MakeVideoAsync(seconds);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        var listener = new HttpListener();
        listener.Prefixes.Add(baseUri.AbsoluteUri);
        listener.Start();
        return new LoopbackFal(listener, baseUri, video);
    }

    /// <summary>Configuration pointing the providers at this server, as environment variables would.</summary>
    public IConfiguration Configuration(bool withKey = true)
    {
        var root = BaseUri.AbsoluteUri.TrimEnd('/');
        var settings = new Dictionary<string, string?>
        {
            ["Providers:Fal:QueueUrl"] = $"{root}/queue",
            ["Providers:Fal:StorageUrl"] = $"{root}/rest",
            ["Providers:Wait:PollInterval"] = "00:00:00.050",
            ["Providers:Wait:MaxWait"] = "00:01:00",
        };
        if (withKey)
        {
            settings["FAL_KEY"] = Key;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await HandleAsync(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(buffer);
        var path = context.Request.Url!.AbsolutePath;
        var method = context.Request.HttpMethod;
        var auth = context.Request.Headers["Authorization"] ?? "";
        _requests.Enqueue((method, path, System.Text.Encoding.UTF8.GetString(buffer.ToArray()), auth.Length == 0 ? null : auth));
        var root = BaseUri.AbsoluteUri.TrimEnd('/');
        var app = $"/queue/{string.Join('/', Endpoint.Split('/').Take(2))}/requests/{RequestId}";
        JsonObject? json = null;
        if (method == "POST" && path == "/rest/storage/upload/initiate")
        {
            var name = JsonNode.Parse(buffer.ToArray())!["file_name"]!.GetValue<string>();
            json = new JsonObject { ["upload_url"] = $"{root}/upload/{name}", ["file_url"] = $"https://v3.fal.media/files/test/{name}" };
        }
        else if (method == "PUT" && path.StartsWith("/upload/", StringComparison.Ordinal))
        {
            _uploads[path["/upload/".Length..]] = buffer.ToArray();
            context.Response.StatusCode = 200;
            return;
        }
        else if (method == "POST" && path == "/queue/" + Endpoint)
        {
            json = new JsonObject
            {
                ["request_id"] = RequestId,
                ["status_url"] = $"{root}{app}/status",
                ["response_url"] = $"{root}{app}",
                ["cancel_url"] = $"{root}{app}/cancel",
                ["queue_position"] = 2,
            };
        }
        else if (method == "GET" && path == app + "/status")
        {
            json = Interlocked.Increment(ref _statusCalls) switch
            {
                1 => new JsonObject { ["status"] = "IN_QUEUE", ["queue_position"] = 1 },
                2 => new JsonObject { ["status"] = "IN_PROGRESS", ["logs"] = new JsonArray(new JsonObject { ["message"] = "Generating video 40%" }) },
                _ => new JsonObject { ["status"] = "COMPLETED", ["logs"] = new JsonArray() },
            };
        }
        else if (method == "GET" && path == app)
        {
            json = new JsonObject { ["video"] = new JsonObject { ["url"] = $"{root}/media/out.mp4", ["content_type"] = "video/mp4", ["file_size"] = Video.Length } };
        }
        else if (method == "GET" && path == "/media/out.mp4")
        {
            context.Response.ContentType = "video/mp4";
            await context.Response.OutputStream.WriteAsync(Video);
            return;
        }
        else if (method == "PUT" && path == app + "/cancel")
        {
            json = new JsonObject { ["status"] = "CANCELLATION_REQUESTED" };
        }

        if (json is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
    }

    private static async Task<byte[]> MakeVideoAsync(double seconds)
    {
        var file = Path.Combine(Path.GetTempPath(), $"previz-fal-{Guid.NewGuid():N}.mp4");
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])["-y", "-v", "error", "-f", "lavfi", "-i", $"testsrc=size=320x180:rate=24:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "48", "-pix_fmt", "yuv420p", file])
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        return bytes;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
