using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Previz.Studio.Api;
using Previz.Studio.Persistence;
using Previz.Studio.Sequences;

namespace Previz.Studio.Reviews;

/// <summary>
/// What a review link opens, and nothing more: a static page (no Blazor, no studio navigation) that plays the cut, the
/// cut itself, its files by index, and the link's comments. Every request looks the link up again, so a revoked link
/// stops at once; a malformed, unknown or revoked token gets the same 404.
/// </summary>
public static class ReviewPages
{
    /// <summary>What the page may load: its own scripts, media and requests; nothing from elsewhere, and no framing.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; media-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapReviewPages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var review = app.MapGroup(ReviewPaths.Prefix + "/{token}").WithTags("Review page").AddEndpointFilter(async (context, next) =>
        {
            // The token is in the address: no referrer carries it elsewhere, no cache or index keeps it.
            var headers = context.HttpContext.Response.Headers;
            headers["Referrer-Policy"] = "no-referrer";
            headers["X-Robots-Tag"] = "noindex, nofollow";
            headers.CacheControl = "no-store";
            return await next(context);
        });
        review.MapGet("/", PageAsync).WithName("ReviewPage").ExcludeFromDescription();
        review.MapGet("/player.js", (string token, ReviewService reviews, CancellationToken ct) => ScriptAsync(token, "sequence-player.js", reviews, ct)).ExcludeFromDescription();
        review.MapGet("/review.js", (string token, ReviewService reviews, CancellationToken ct) => ScriptAsync(token, "review-page.js", reviews, ct)).ExcludeFromDescription();
        review.MapGet("/cut", CutAsync).WithName("ReviewCut").WithSummary("What the link plays (view-only; the link's token is the only credential).");
        review.MapGet("/media/{n:int}", MediaAsync).WithName("ReviewMedia").WithSummary("File n of the link's cut (Range requests).");
        review.MapGet("/comments", CommentsAsync).WithName("ReviewPageComments").WithSummary("The link's comments, by time.");
        review.MapPost("/comments", CommentAsync).WithName("ReviewPageComment").WithSummary("Leave a comment: { author, text, seconds }.");
        return app;
    }

    public static async Task<ContentHttpResult> PageAsync(string token, ReviewService reviews, HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var link = await reviews.OpenAsync(token, ct);
        var playback = link is null ? null : await reviews.PlaybackAsync(link, ct);
        if (playback is null)
        {
            return Gone();
        }

        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        var title = HtmlEncoder.Default.Encode(playback.Name);
        var root = HtmlEncoder.Default.Encode(ReviewPaths.PageOf(token));
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="referrer" content="no-referrer" />
            <meta name="robots" content="noindex, nofollow" />
            <link rel="icon" href="data:," />
            <title>{{title}} · Review</title>
            <style>
            body { margin: 0; font: 15px/1.4 system-ui, sans-serif; background: #15171a; color: #e8e8e8; }
            main { max-width: 1000px; margin: 0 auto; padding: 16px; }
            h1 { font-size: 1.3rem; margin: 0 0 12px; }
            h2 { font-size: 1.05rem; margin: 20px 0 8px; }
            .seq-video { width: 100%; aspect-ratio: 16 / 9; background: #000; display: block; }
            .seq-controls { display: flex; gap: 10px; align-items: center; margin-top: 6px; flex-wrap: wrap; }
            .seq-scrub { flex: 1; min-width: 200px; }
            .seq-shot { color: #9aa; }
            button { font: inherit; padding: 4px 12px; }
            form { display: grid; gap: 6px; max-width: 600px; }
            input, textarea { font: inherit; padding: 4px; }
            textarea { min-height: 60px; }
            .form-error { color: #f77; min-height: 1.2em; margin: 0; }
            ol.comments { padding-left: 0; list-style: none; }
            ol.comments li { margin: 6px 0; }
            .comment-time { font-variant-numeric: tabular-nums; }
            </style>
            </head>
            <body class="review-page">
            <main>
            <h1>{{title}}</h1>
            <div id="player" class="seq-player" data-base="{{root}}/"></div>
            <section aria-label="Comments">
            <h2>Comments</h2>
            <form id="comment-form">
            <label>Your name <input name="author" maxlength="{{ReviewLimits.AuthorLength}}" required autocomplete="name" /></label>
            <label>Comment <textarea name="text" maxlength="{{ReviewLimits.TextLength}}" required></textarea></label>
            <button type="submit">Comment at <span class="comment-at">0:00.0</span></button>
            <p class="form-error" role="alert"></p>
            </form>
            <ol id="comments" class="comments"></ol>
            </section>
            </main>
            <script type="module" src="{{root}}/review.js"></script>
            </body>
            </html>
            """;
        return TypedResults.Content(html, "text/html; charset=utf-8");
    }

    public static async Task<Results<Ok<SequencePlayback>, ContentHttpResult>> CutAsync(string token, ReviewService reviews, CancellationToken ct)
    {
        var link = await reviews.OpenAsync(token, ct);
        var playback = link is null ? null : await reviews.PlaybackAsync(link, ct);
        return playback is null ? Gone() : TypedResults.Ok(playback);
    }

    public static async Task<Results<PhysicalFileHttpResult, ContentHttpResult>> MediaAsync(string token, int n, ReviewService reviews, SequenceService sequences, CancellationToken ct)
    {
        var link = await reviews.OpenAsync(token, ct);
        var playback = link is null ? null : await reviews.PlaybackAsync(link, ct);
        var file = playback is null ? null : await sequences.OpenAsync(playback, n, ct);
        return file is { } f ? TypedResults.PhysicalFile(f.Path, f.ContentType, enableRangeProcessing: true) : Gone();
    }

    public static async Task<Results<Ok<ReviewCommentDto[]>, ContentHttpResult>> CommentsAsync(string token, ReviewService reviews, CancellationToken ct)
    {
        var link = await reviews.OpenAsync(token, ct);
        return link is null ? Gone() : TypedResults.Ok((await reviews.CommentsAsync(link.Id, ct)).Select(ReviewCommentDto.From).ToArray());
    }

    public static async Task<Results<Created<ReviewCommentDto>, ContentHttpResult, ValidationProblem>> CommentAsync(string token, ReviewCommentBody body, ReviewService reviews, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var link = await reviews.OpenAsync(token, ct);
        var playback = link is null ? null : await reviews.PlaybackAsync(link, ct);
        if (link is null || playback is null)
        {
            return Gone();
        }

        var comment = await reviews.CommentAsync(link, playback, body.Seconds ?? 0, body.Author, body.Text, ct);
        return TypedResults.Created((string?)null, ReviewCommentDto.From(comment));
    }

    private static async Task<ContentHttpResult> ScriptAsync(string token, string name, ReviewService reviews, CancellationToken ct)
    {
        if (await reviews.OpenAsync(token, ct) is null)
        {
            return Gone();
        }

        await using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The studio is built without its {name}.");
        using var reader = new StreamReader(stream);
        return TypedResults.Content(await reader.ReadToEndAsync(ct), "text/javascript; charset=utf-8");
    }

    /// <summary>The one answer for a token that opens nothing: malformed, unknown and revoked alike.</summary>
    private static ContentHttpResult Gone() =>
        TypedResults.Content("This review link does not exist.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
