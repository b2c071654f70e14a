using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Previz.Cli.Tests;

/// <summary>
/// fal's queue and storage protocol on 127.0.0.1 (as in the providers tests' loopback vendor, fal-js queue.ts and
/// storage.ts): upload initiate + PUT, submit, status IN_QUEUE → IN_PROGRESS (with logs) → COMPLETED, result with a
/// video File, the video itself — a real MP4 made with ffmpeg — and cancel. Records every request.
/// </summary>
internal sealed class LoopbackFal : IAsyncDisposable
{
    public const string Key = "fal-cli-test-key-9f8e7d6c5b4a";
    public const string RequestId = "0b9d6a1c-cli-test";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Method, string Path, string Body, string? Auth)> _requests = new();
    private readonly ConcurrentDictionary<string, byte[]> _uploads = new();
    private int _statusCalls;

    private LoopbackFal(WebApplication app, byte[] video)
    {
        _app = app;
        Video = video;
    }

    public Uri BaseUri { get; private set; } = null!;

    public byte[] Video { get; }

    public string Endpoint { get; init; } = "fal-ai/kling-video/v2.1/pro/image-to-video";

    public IReadOnlyList<(string Method, string Path, string Body, string? Auth)> Requests => [.. _requests];

    public IReadOnlyDictionary<string, byte[]> Uploads => _uploads;

    /// <summary>Starts the server with a <paramref name="seconds"/> s, 24 fps, 320×180 H.264 clip made by ffmpeg.</summary>
    public static async Task<LoopbackFal> StartAsync(double seconds)
    {
        var video = await MakeVideoAsync(seconds);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fal = new LoopbackFal(app, video);
        app.Run(fal.HandleAsync);
        await app.StartAsync();
        fal.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fal;
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

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        var auth = context.Request.Headers.Authorization.ToString();
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
            await context.Response.Body.WriteAsync(Video);
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
        await context.Response.WriteAsync(json.ToJsonString());
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
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
