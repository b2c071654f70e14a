using Microsoft.AspNetCore.Http;

namespace Previz.Studio.Reviews;

/// <summary>
/// The addresses of a review link: its page, the page's two scripts, the cut, its media and its comments, all under
/// <c>/review/&lt;token&gt;</c>. With <c>PREVIZ_TOKEN</c> set these, and nothing else, are let through without the
/// studio's token (each answers only for a live link); every other address still needs it.
/// </summary>
public static class ReviewPaths
{
    public const string Prefix = "/review";

    /// <summary>The page of a link.</summary>
    public static string PageOf(string token) => $"{Prefix}/{token}";

    /// <summary>True for exactly the requests a review link's page makes.</summary>
    public static bool IsReviewRequest(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Path.StartsWithSegments(Prefix, out var rest))
        {
            return false;
        }

        var read = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        var segments = rest.Value?.Split('/') ?? [];
        return segments switch
        {
            ["", var token] => read && token.Length > 0,
            ["", var token, "cut" or "player.js" or "review.js"] => read && token.Length > 0,
            ["", var token, "comments"] => (read || HttpMethods.IsPost(request.Method)) && token.Length > 0,
            ["", var token, "media", var n] => read && token.Length > 0 && n.Length is > 0 and <= 4 && n.All(char.IsAsciiDigit),
            _ => false,
        };
    }

    /// <summary>A path with a review token replaced, for logs: the token is the link's whole secret.</summary>
    public static string Redact(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith(Prefix + "/", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        var end = path.IndexOf('/', Prefix.Length + 1);
        return $"{Prefix}/[redacted]{(end < 0 ? string.Empty : path[end..])}";
    }
}
