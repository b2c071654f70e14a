using System.Net;
using Previz.Core;

namespace Previz.Studio.Security;

/// <summary>Refuses to listen beyond loopback without an access token.</summary>
public static class BindingGuard
{
    public static void Check(IEnumerable<string> urls, string? token)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls)
        {
            if (!IsLoopback(url) && string.IsNullOrWhiteSpace(token))
            {
                throw new UserErrorException($"Listening on {url} exposes the studio beyond this machine: set PREVIZ_TOKEN to a secret that every request must carry, or use http://127.0.0.1:5080.");
            }
        }
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
