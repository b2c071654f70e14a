using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Previz.Rendering.Sequences;
using Previz.Studio.Hosting;
using Previz.Studio.Reviews;
using Previz.Studio.Sequences;

namespace Previz.Studio.Api;

/// <summary>
/// A scene's sequence (takes per shot, sound cues, the cut the player plays) and its review links, for the studio.
/// The sequence belongs to the scene's name: any version's id reaches it, and it cuts the newest version.
/// </summary>
public static class SequenceApi
{
    public static IEndpointRouteBuilder MapSequenceApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var sequence = api.MapGroup("/scenes/{id:guid}/sequence").WithTags("Sequences");
        sequence.MapGet("/", GetSequenceAsync).WithName("GetSequence")
            .WithSummary("The scene's sequence: the newest version's shots in storyboard order, the take of each (a gallery clip of that shot, or Direct Render) with the clips that could be, and the sound cues.");
        sequence.MapPut("/", PutTakesAsync).WithName("SetSequenceTakes")
            .WithSummary("Choose the takes: { takes: { shotId: galleryItemId or null } }; shots left out play Direct Render. A clip of another shot is a 400 naming both.");
        sequence.MapGet("/cut", GetCutAsync).WithName("GetSequenceCut")
            .WithSummary("What the sequence player plays: shots back to back (frame-exact), cues, and their files as media/{n} under this address.");
        sequence.MapGet("/media/{n:int}", GetMediaAsync).WithName("GetSequenceMedia")
            .WithSummary("File n of the cut (Range requests); a Direct Render take is rendered the first time it is asked for.");
        sequence.MapPost("/cues", AddCueAsync).WithName("AddSoundCue")
            .WithSummary("Add a sound cue: the audio file as the request body; ?fileName=&name=&start=SECONDS&gainDb=. Checked with ffprobe: a file that is not audio, or a cue that starts past the end of the cut, is a 400.")
            .Accepts<Stream>("application/octet-stream");
        sequence.MapDelete("/cues/{cueId:guid}", DeleteCueAsync).WithName("DeleteSoundCue").WithSummary("Remove a sound cue.");
        sequence.MapGet("/export/{format}", ExportAsync).WithName("ExportSequence")
            .WithSummary("Download the sequence: mp4 (the animatic), or otio, fcpxml or edl zipped with the media they refer to. A take or cue that cannot be used is a 400 naming it.");
        sequence.MapGet("/comments", GetSequenceCommentsAsync).WithName("GetSequenceComments")
            .WithSummary("Comments left through every review link of the sequence, by time.");

        var reviews = api.MapGroup("/reviews").WithTags("Reviews");
        reviews.MapPost("/", CreateReviewLinkAsync).WithName("CreateReviewLink")
            .WithSummary("A view-only review link to a scene's sequence (sceneId) or a gallery item (galleryItemId). The answer's url holds the link's token: it is shown this once (only its hash is kept).");
        reviews.MapGet("/", ListReviewLinksAsync).WithName("ListReviewLinks")
            .WithSummary("Review links (never their tokens), newest first; ?sceneId= for a scene's sequence, ?galleryItemId= for a clip.");
        reviews.MapDelete("/{linkId:guid}", RevokeReviewLinkAsync).WithName("RevokeReviewLink")
            .WithSummary("Revoke a link: its address answers 404 from now on, like one that never existed.");
        reviews.MapGet("/{linkId:guid}/comments", GetLinkCommentsAsync).WithName("GetReviewComments").WithSummary("The comments left through one link, by time.");
        return api;
    }

    public static async Task<Results<Ok<SequenceDto>, ProblemHttpResult>> GetSequenceAsync(Guid id, SequenceService sequences, CancellationToken ct) =>
        await sequences.GetAsync(id, ct) is { } view ? TypedResults.Ok(SequenceDto.From(view)) : NoScene(id);

    public static async Task<Results<Ok<SequenceDto>, ProblemHttpResult, ValidationProblem>> PutTakesAsync(Guid id, SequenceTakesBody body, SequenceService sequences, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var view = await sequences.SetTakesAsync(id, body.Takes ?? new Dictionary<string, Guid?>(), ct);
        return view is null ? NoScene(id) : TypedResults.Ok(SequenceDto.From(view));
    }

    public static async Task<Results<Ok<SequencePlayback>, ProblemHttpResult>> GetCutAsync(Guid id, SequenceService sequences, CancellationToken ct) =>
        await sequences.GetAsync(id, ct) is { } view ? TypedResults.Ok(SequenceService.Playback(view)) : NoScene(id);

    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> GetMediaAsync(Guid id, int n, SequenceService sequences, CancellationToken ct)
    {
        var view = await sequences.GetAsync(id, ct);
        if (view is null)
        {
            return NoScene(id);
        }

        return await sequences.OpenAsync(SequenceService.Playback(view), n, ct) is { } file
            ? TypedResults.PhysicalFile(file.Path, file.ContentType, enableRangeProcessing: true)
            : TypedResults.Problem(title: "Not found.", detail: $"The sequence has no media {n}.", statusCode: StatusCodes.Status404NotFound);
    }

    public static async Task<Results<Created<SoundCueDto>, ProblemHttpResult, ValidationProblem>> AddCueAsync(
        Guid id, HttpContext context, SequenceService sequences, StudioOptions options, string? fileName, string? name, double? start, double? gainDb, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var file = await UploadReader.SpoolAsync(context, options.AudioUploadLimitBytes, ct);
        if (file is null)
        {
            return (ProblemHttpResult)UploadReader.TooLarge("Audio", options.AudioUploadLimitBytes);
        }

        var cue = await sequences.AddCueAsync(id, file, new SoundCueUpload(fileName, name, start ?? 0, gainDb ?? 0), ct);
        return cue is null ? NoScene(id) : TypedResults.Created($"/api/scenes/{id}/sequence/cues/{cue.Id}", SoundCueDto.From(cue));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteCueAsync(Guid id, Guid cueId, SequenceService sequences, CancellationToken ct) =>
        await sequences.DeleteCueAsync(id, cueId, ct)
            ? TypedResults.NoContent()
            : TypedResults.Problem(title: "Not found.", detail: $"Scene {id}'s sequence has no sound cue {cueId}.", statusCode: StatusCodes.Status404NotFound);

    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult, ValidationProblem>> ExportAsync(Guid id, string format, SequenceExports exports, HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!SequenceExportFormats.Names.Contains(format.ToLowerInvariant()))
        {
            throw new FieldException("format", $"\"{format}\" is not a sequence export; choose one of {string.Join(", ", SequenceExportFormats.Names)}.");
        }

        var made = await exports.ExportAsync(id, SequenceExportFormats.Parse(format), ct);
        if (made is not { } export)
        {
            return NoScene(id);
        }

        // Written for this download only.
        context.Response.OnCompleted(() =>
        {
            File.Delete(export.Path);
            return Task.CompletedTask;
        });
        return TypedResults.PhysicalFile(export.Path, export.ContentType, export.DownloadName);
    }

    public static async Task<Results<Ok<ReviewCommentDto[]>, ProblemHttpResult>> GetSequenceCommentsAsync(Guid id, SequenceService sequences, ReviewService reviews, CancellationToken ct)
    {
        var view = await sequences.GetAsync(id, ct);
        if (view is null)
        {
            return NoScene(id);
        }

        var comments = view.Sequence is null ? [] : await reviews.SequenceCommentsAsync(view.Sequence.Id, ct);
        return TypedResults.Ok(comments.Select(ReviewCommentDto.From).ToArray());
    }

    public static async Task<Results<Created<CreatedReviewLinkDto>, ProblemHttpResult, ValidationProblem>> CreateReviewLinkAsync(ReviewLinkBody body, HttpContext context, ReviewService reviews, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(context);
        (Persistence.ReviewLink Link, string Token)? made = (body.SceneId, body.GalleryItemId) switch
        {
            ({ } scene, null) => await reviews.ShareSequenceAsync(scene, ct),
            (null, { } item) => await reviews.ShareItemAsync(item, ct),
            _ => throw new FieldException("sceneId", "Name what to share: sceneId (its sequence) or galleryItemId (one clip), not both."),
        };
        if (made is not { } link)
        {
            return TypedResults.Problem(title: "Not found.", detail: body.SceneId is { } s ? $"There is no scene {s}." : $"There is no gallery item {body.GalleryItemId}.", statusCode: StatusCodes.Status404NotFound);
        }

        var url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{ReviewPaths.PageOf(link.Token)}";
        return TypedResults.Created($"/api/reviews/{link.Link.Id}", new CreatedReviewLinkDto(ReviewLinkDto.From(link.Link), url));
    }

    public static async Task<Results<Ok<ReviewLinkDto[]>, ProblemHttpResult>> ListReviewLinksAsync(Guid? sceneId, Guid? galleryItemId, SequenceService sequences, ReviewService reviews, CancellationToken ct)
    {
        Guid? sequenceId = null;
        if (sceneId is { } scene)
        {
            var view = await sequences.GetAsync(scene, ct);
            if (view is null)
            {
                return NoScene(scene);
            }

            if (view.Sequence is null)
            {
                return TypedResults.Ok(Array.Empty<ReviewLinkDto>());
            }

            sequenceId = view.Sequence.Id;
        }

        return TypedResults.Ok((await reviews.ListAsync(sequenceId, galleryItemId, ct)).Select(ReviewLinkDto.From).ToArray());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeReviewLinkAsync(Guid linkId, ReviewService reviews, CancellationToken ct) =>
        await reviews.RevokeAsync(linkId, ct) ? TypedResults.NoContent() : NoLink(linkId);

    public static async Task<Results<Ok<ReviewCommentDto[]>, ProblemHttpResult>> GetLinkCommentsAsync(Guid linkId, ReviewService reviews, CancellationToken ct) =>
        await reviews.FindAsync(linkId, ct) is null
            ? NoLink(linkId)
            : TypedResults.Ok((await reviews.CommentsAsync(linkId, ct)).Select(ReviewCommentDto.From).ToArray());

    private static ProblemHttpResult NoScene(Guid id) =>
        TypedResults.Problem(title: "Not found.", detail: $"There is no scene {id}.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult NoLink(Guid id) =>
        TypedResults.Problem(title: "Not found.", detail: $"There is no review link {id}.", statusCode: StatusCodes.Status404NotFound);
}
