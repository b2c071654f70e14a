using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Previz.Studio.Reviews;

namespace Previz.Studio.Security;

/// <summary>
/// With <c>PREVIZ_TOKEN</c> set, every request must carry it: <c>Authorization: Bearer …</c>, the
/// <c>X-Previz-Token</c> header, the <c>previz_token</c> cookie, or <c>?access_token=</c> — the last only on a GET of a
/// page or of media (a clip, a poster, an image), for links and <c>&lt;video&gt;</c>/<c>&lt;img&gt;</c> elements, which
/// cannot send headers: a token in a URL ends up in histories and logs, so it opens nothing that changes or lists
/// data. Compared in constant time. A page opened with <c>?access_token=</c> gets the token as an
/// HttpOnly cookie, so the studio's own requests (its script, its circuit, <c>&lt;video&gt;</c> and <c>&lt;img&gt;</c> of the
/// gallery) carry it without the token ever being written into the page. The addresses of a review link
/// (<see cref="ReviewPaths.IsReviewRequest"/>) pass without it: the link's own token is checked by its endpoints.
/// </summary>
public sealed class TokenMiddleware
{
    /// <summary>The cookie that carries the token for browsers.</summary>
    public const string CookieName = "previz_token";

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
        if (ReviewPaths.IsReviewRequest(context.Request))
        {
            // A review link is its own credential, for its page, media and comments only; the endpoints check it.
            await _next(context);
            return;
        }

        var presented = Presented(context.Request);
        if (presented is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected))
        {
            if (!context.Request.Cookies.ContainsKey(CookieName) && context.Request.Query.ContainsKey("access_token"))
            {
                context.Response.Cookies.Append(CookieName, presented, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = context.Request.IsHttps,
                    Path = "/",
                });
            }

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

        if (request.Cookies.TryGetValue(CookieName, out var cookie))
        {
            return cookie;
        }

        return QueryTokenAllowed(request) && request.Query.TryGetValue("access_token", out var query) ? query.ToString() : null;
    }

    /// <summary>A GET (or HEAD) of a page, or of one of the API's media files.</summary>
    private static bool QueryTokenAllowed(HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            return false;
        }

        if (!request.Path.StartsWithSegments("/api", out var rest))
        {
            return true;
        }

        var segments = rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return segments switch
        {
            ["gallery", _, "media" or "download" or "poster"] => true,
            ["images", _] => true,
            _ => false,
        };
    }
}
