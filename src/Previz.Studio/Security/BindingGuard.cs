using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Previz.Core;
using Previz.Studio.Hosting;

namespace Previz.Studio.Security;

/// <summary>
/// Refuses to listen beyond loopback without an access token. <see cref="CheckListening"/> reads the addresses the
/// server actually listens on once it has started, so every way of configuring them counts (<c>--urls</c>,
/// <c>ASPNETCORE_URLS</c>, <c>urls</c>, <c>Kestrel:Endpoints</c> in any configuration source); until then
/// <see cref="RefuseBeyondLoopbackAsync"/> answers no request that arrived on another address.
/// </summary>
public static class BindingGuard
{
    /// <summary>Checks the addresses of a started server.</summary>
    /// <exception cref="UserErrorException">An address beyond loopback without <c>PREVIZ_TOKEN</c>.</exception>
    public static void CheckListening(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Check(addresses, services.GetRequiredService<StudioOptions>().Token);
    }

    public static void Check(IEnumerable<string> urls, string? token)
    {
        ArgumentNullException.ThrowIfNull(urls);
        if (!string.IsNullOrWhiteSpace(token))
        {
            return;
        }

        foreach (var url in urls)
        {
            if (!IsLoopback(url))
            {
                throw new UserErrorException($"Listening on {url} exposes the studio beyond this machine: set PREVIZ_TOKEN to a secret that every request must carry, or listen on http://127.0.0.1:5080 (check --urls, ASPNETCORE_URLS, urls and Kestrel__Endpoints__*__Url).");
            }
        }
    }

    /// <summary>Without a token: a request that reached this process on an address beyond loopback gets 403.</summary>
    public static Task RefuseBeyondLoopbackAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // No address: not a socket (the in-process test server, a Unix socket), so not reachable from elsewhere.
        if (context.Connection.LocalIpAddress is { } local && !IPAddress.IsLoopback(local))
        {
            return Results.Problem(
                title: "Forbidden",
                detail: "This studio has no access token (PREVIZ_TOKEN), so it answers only on loopback.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
        }

        return next(context);
    }

    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        // Kestrel's wildcard forms (http://*:80, http://+:80) bind every address.
        var normalized = url.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
