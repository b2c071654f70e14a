using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Previz.Studio.Api;

/// <summary>
/// Range requests in bytes only. ASP.NET's range processing reads any unit as bytes (<c>Range: items=0-5</c> got 206
/// with bytes 0–5); RFC 9110 §14.2 says a server ignores a Range header whose unit it does not know, so such a header is
/// dropped here and the request gets the whole file (200), or 416 where bytes are asked for badly.
/// </summary>
public static class RangeUnits
{
    public static Task IgnoreUnknownAsync(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var range = context.Request.Headers.Range;
        if (range.Count > 0 && !range.All(r => r is not null && r.TrimStart().StartsWith("bytes=", StringComparison.OrdinalIgnoreCase)))
        {
            context.Request.Headers.Remove(HeaderNames.Range);
        }

        return next(context);
    }
}
