using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Previz.Studio.Security;

/// <summary>
/// With <c>PREVIZ_TOKEN</c> set, every request must carry it: <c>Authorization: Bearer …</c>, the
/// <c>X-Previz-Token</c> header, the <c>previz_token</c> cookie, or <c>?access_token=</c> (for video elements, which
/// cannot send headers). Compared in constant time.
/// </summary>
public sealed class TokenMiddleware
{
    private readonly RequestDelegate _next;
    private readonly byte[] _expected;

    public TokenMiddleware(RequestDelegate next, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        _next = next;
        _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var presented = Presented(context.Request);
        if (presented is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected))
        {
            await _next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"previz\"";
        await Results.Problem(
            title: "Unauthorized",
            detail: "This studio requires its access token (PREVIZ_TOKEN): send Authorization: Bearer <token>.",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
    }

    private static string? Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        if (request.Headers.TryGetValue("X-Previz-Token", out var header))
        {
            return header.ToString();
        }

        if (request.Cookies.TryGetValue("previz_token", out var cookie))
        {
            return cookie;
        }

        return request.Query.TryGetValue("access_token", out var query) ? query.ToString() : null;
    }
}
