using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Previz.Providers.Tests.Loopback;

/// <summary>
/// A Kestrel server on 127.0.0.1 (random port) that records every request and answers through a handler the test
/// supplies, to play a vendor's documented protocol.
/// </summary>
public sealed class LoopbackVendor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private Func<RecordedRequest, Reply> _handler = _ => Reply.Empty(404);

    private LoopbackVendor(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackVendor> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var vendor = new LoopbackVendor(app);
        app.Run(vendor.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        vendor.BaseUri = new Uri(address);
        return vendor;
    }

    /// <summary>Sets how the vendor answers from now on.</summary>
    public void Handle(Func<RecordedRequest, Reply> handler) => _handler = handler;

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public IReadOnlyList<RecordedRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && r.Path == path).ToList();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "/",
            context.Request.QueryString.Value ?? string.Empty,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            buffer.ToArray(),
            DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);

        var reply = _handler(recorded);
        if (reply.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(reply.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (reply.ContentType is not null)
        {
            context.Response.ContentType = reply.ContentType;
        }

        await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
