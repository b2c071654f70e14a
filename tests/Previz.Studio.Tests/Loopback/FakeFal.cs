using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Previz.Studio.Tests.Loopback;

/// <summary>
/// fal's queue API on 127.0.0.1 (random port), as fal documents it: submit → request_id and URLs; status IN_QUEUE,
/// IN_PROGRESS, then COMPLETED after <see cref="WorkTime"/>; result with <c>video.url</c>; the file itself. Counts
/// submits and status requests, records every Authorization header and submitted body, and takes uploads through fal's
/// storage API (initiate, then PUT).
/// </summary>
public sealed class FakeFal : IAsyncDisposable
{
    public const string Endpoint = "fal-ai/test-video/image-to-video";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _submitted = new();
    private readonly ConcurrentDictionary<string, bool> _canceled = new();
    private int _submits;
    private int _statusRequests;

    private FakeFal(WebApplication app, byte[] clip)
    {
        _app = app;
        Clip = clip;
    }

    public byte[] Clip { get; }

    public Uri BaseUri { get; private set; } = null!;

    public TimeSpan WorkTime { get; set; } = TimeSpan.FromSeconds(2);

    public int Submits => Volatile.Read(ref _submits);

    public int StatusRequests => Volatile.Read(ref _statusRequests);

    public int Cancels => _canceled.Count;

    public ConcurrentBag<string> AuthorizationHeaders { get; } = [];

    /// <summary>The <c>prompt</c> of every submit.</summary>
    public ConcurrentBag<string> SubmittedPrompts { get; } = [];

    /// <summary>Every submit: the endpoint id and the body as fal received it (file fields hold their URLs).</summary>
    public ConcurrentQueue<(string Endpoint, JsonObject Body)> Submitted { get; } = new();

    /// <summary>Files uploaded through the storage API, by the <c>file_url</c> handed out for them.</summary>
    public ConcurrentDictionary<string, (string ContentType, byte[] Content)> Uploads { get; } = new();

    /// <summary>While set and not complete, result file downloads wait for it (after counting in <see cref="Downloads"/>).</summary>
    public Task? HoldDownloads { get; set; }

    private int _downloadsToCut;

    /// <summary>How many more result downloads break off halfway (the connection dropped mid-body).</summary>
    public int DownloadsToCut
    {
        get => Volatile.Read(ref _downloadsToCut);
        set => Volatile.Write(ref _downloadsToCut, value);
    }

    /// <summary>Result file downloads per request id.</summary>
    public ConcurrentDictionary<string, int> Downloads { get; } = new();

    public static async Task<FakeFal> StartAsync(byte[] clip, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var fal = new FakeFal(app, clip);
        app.Run(fal.HandleAsync);
        await app.StartAsync();
        fal.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return fal;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        AuthorizationHeaders.Add(request.Headers.Authorization.ToString());
        var parts = path.Trim('/').Split('/');

        // fal storage (fal-js storage.ts): initiate → upload_url + file_url, then PUT the bytes to upload_url.
        if (request.Method == "POST" && path == "/storage/upload/initiate")
        {
            var initiate = await JsonNode.ParseAsync(request.Body);
            var upload = Guid.NewGuid().ToString("N");
            Uploads[Url($"uploaded/{upload}")] = ((string?)initiate?["content_type"] ?? "", []);
            await Json(context, new JsonObject { ["upload_url"] = Url($"upload/{upload}"), ["file_url"] = Url($"uploaded/{upload}") });
            return;
        }

        if (request.Method == "PUT" && parts is ["upload", var uploadId] && Uploads.TryGetValue(Url($"uploaded/{uploadId}"), out var pending))
        {
            using var bytes = new MemoryStream();
            await request.Body.CopyToAsync(bytes);
            Uploads[Url($"uploaded/{uploadId}")] = (pending.ContentType, bytes.ToArray());
            context.Response.StatusCode = 200;
            return;
        }

        // Submit to any endpoint id (owner/alias/…); status and result URLs live under owner/alias, as fal's do.
        if (request.Method == "POST" && parts.Length >= 2 && !parts.Contains("requests"))
        {
            Interlocked.Increment(ref _submits);
            var body = (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? [];
            SubmittedPrompts.Add((string?)body["prompt"] ?? string.Empty);
            Submitted.Enqueue((string.Join('/', parts), body));
            var id = Guid.NewGuid().ToString();
            _submitted[id] = DateTimeOffset.UtcNow;
            var app = $"{parts[0]}/{parts[1]}";
            await Json(context, new JsonObject
            {
                ["request_id"] = id,
                ["status_url"] = Url($"{app}/requests/{id}/status"),
                ["response_url"] = Url($"{app}/requests/{id}"),
                ["cancel_url"] = Url($"{app}/requests/{id}/cancel"),
                ["queue_position"] = 0,
            });
            return;
        }

        if (parts is ["files", var file] && request.Method == "GET")
        {
            Downloads.AddOrUpdate(Path.GetFileNameWithoutExtension(file), 1, (_, n) => n + 1);
            if (HoldDownloads is { } hold)
            {
                await hold;
            }

            context.Response.ContentType = "video/mp4";
            if (Interlocked.Decrement(ref _downloadsToCut) >= 0)
            {
                context.Response.ContentLength = Clip.Length;
                await context.Response.Body.WriteAsync(Clip.AsMemory(0, Clip.Length / 2));
                await context.Response.Body.FlushAsync();
                context.Abort();
                return;
            }

            await context.Response.Body.WriteAsync(Clip);
            return;
        }

        if (parts.Length >= 4 && parts[2] == "requests" && _submitted.TryGetValue(parts[3], out var at))
        {
            var id = parts[3];
            var done = DateTimeOffset.UtcNow - at >= WorkTime;
            if (parts.Length == 5 && parts[4] == "status")
            {
                Interlocked.Increment(ref _statusRequests);
                var status = _canceled.ContainsKey(id) ? "COMPLETED" : done ? "COMPLETED" : DateTimeOffset.UtcNow - at < WorkTime / 4 ? "IN_QUEUE" : "IN_PROGRESS";
                var answer = new JsonObject { ["status"] = status, ["request_id"] = id };
                if (status == "IN_QUEUE")
                {
                    answer["queue_position"] = 0;
                }

                await Json(context, answer);
                return;
            }

            if (parts.Length == 5 && parts[4] == "cancel" && request.Method == "PUT")
            {
                _canceled[id] = true;
                await Json(context, new JsonObject { ["status"] = done ? "ALREADY_COMPLETED" : "CANCELLATION_REQUESTED" }, done ? 400 : 202);
                return;
            }

            if (parts.Length == 4 && request.Method == "GET")
            {
                await Json(context, new JsonObject
                {
                    ["video"] = new JsonObject { ["url"] = Url($"files/{id}.mp4"), ["content_type"] = "video/mp4", ["file_size"] = Clip.Length },
                    ["seed"] = 42,
                });
                return;
            }
        }

        context.Response.StatusCode = 404;
    }

    private string Url(string path) => new Uri(BaseUri, path).ToString();

    private static async Task Json(HttpContext context, JsonNode json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
