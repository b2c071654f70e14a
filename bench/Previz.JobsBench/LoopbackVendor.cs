using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Previz.JobsBench;

/// <summary>fal's queue protocol on loopback: every job is COMPLETED <see cref="WorkTime"/> after its submit.</summary>
internal sealed class LoopbackVendor : IAsyncDisposable
{
    public const string Endpoint = "fal-ai/bench-video/image-to-video";

    /// <summary>
    /// A placeholder in the clip's metadata that each request's file carries its own id in instead (same length, so
    /// the MP4 stays valid): every job gets a different clip, as from a real vendor, so each is stored and given a
    /// poster rather than found already stored (the store is content-addressed).
    /// </summary>
    public const string ClipMarker = "previz-bench-clip-placeholder-id";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _submitted = new();
    private readonly byte[] _clip;
    private int _submits;
    private int _statusRequests;
    private readonly ConcurrentQueue<TimeSpan> _early = new();

    private LoopbackVendor(WebApplication app, byte[] clip)
    {
        _app = app;
        _clip = clip;
    }

    public Uri BaseUri { get; private set; } = null!;

    public TimeSpan WorkTime { get; init; } = TimeSpan.FromSeconds(2);

    public int Submits => Volatile.Read(ref _submits);

    public int StatusRequests => Volatile.Read(ref _statusRequests);

    /// <summary>For each status request answered "in progress": how long before the clip was ready it came.</summary>
    public IReadOnlyCollection<TimeSpan> EarlyPolls => _early;

    /// <summary>When the vendor had the clip of request <paramref name="id"/> ready (its submit plus the work time).</summary>
    public DateTimeOffset CompletionOf(string id) => _submitted[id] + WorkTime;

    public static async Task<LoopbackVendor> StartAsync(byte[] clip, TimeSpan workTime)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var vendor = new LoopbackVendor(app, clip) { WorkTime = workTime };
        app.Run(vendor.HandleAsync);
        await app.StartAsync();
        vendor.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return vendor;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (context.Request.Method == "POST" && path == "/" + Endpoint)
        {
            Interlocked.Increment(ref _submits);
            var id = Guid.NewGuid().ToString();
            _submitted[id] = DateTimeOffset.UtcNow;
            await Json(context, new JsonObject
            {
                ["request_id"] = id,
                ["status_url"] = Url($"fal-ai/bench-video/requests/{id}/status"),
                ["response_url"] = Url($"fal-ai/bench-video/requests/{id}"),
                ["cancel_url"] = Url($"fal-ai/bench-video/requests/{id}/cancel"),
            });
            return;
        }

        var parts = path.Trim('/').Split('/');
        if (parts is ["files", var file])
        {
            context.Response.ContentType = "video/mp4";
            await context.Response.Body.WriteAsync(ClipFor(Path.GetFileNameWithoutExtension(file)));
            return;
        }

        if (parts.Length >= 4 && parts[2] == "requests" && _submitted.TryGetValue(parts[3], out var at))
        {
            if (parts.Length == 5 && parts[4] == "status")
            {
                Interlocked.Increment(ref _statusRequests);
                var elapsed = DateTimeOffset.UtcNow - at;
                var done = elapsed >= WorkTime;
                if (!done)
                {
                    // Says whether a job that needed a second poll was asked too soon and by how much.
                    _early.Enqueue(WorkTime - elapsed);
                }

                await Json(context, new JsonObject { ["status"] = done ? "COMPLETED" : "IN_PROGRESS" });
                return;
            }

            await Json(context, new JsonObject { ["video"] = new JsonObject { ["url"] = Url($"files/{parts[3]}.mp4"), ["content_type"] = "video/mp4" } });
            return;
        }

        context.Response.StatusCode = 404;
    }

    /// <summary>The clip with the request's id (a GUID without dashes: 32 characters) in place of <see cref="ClipMarker"/>.</summary>
    private byte[] ClipFor(string requestId)
    {
        var clip = (byte[])_clip.Clone();
        var marker = Encoding.ASCII.GetBytes(ClipMarker);
        var at = clip.AsSpan().IndexOf(marker);
        var id = Encoding.ASCII.GetBytes(Guid.Parse(requestId).ToString("N"));
        if (at < 0 || id.Length != marker.Length)
        {
            throw new InvalidOperationException("The bench clip lacks its placeholder.");
        }

        id.CopyTo(clip.AsSpan(at));
        return clip;
    }

    private string Url(string path) => new Uri(BaseUri, path).ToString();

    private static Task Json(HttpContext context, JsonNode json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
