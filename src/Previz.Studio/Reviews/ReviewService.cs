using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Previz.Studio.Gallery;
using Previz.Studio.Persistence;
using Previz.Studio.Sequences;

namespace Previz.Studio.Reviews;

/// <summary>
/// View-only review links and the comments left through them. A link is found by the SHA-256 of its token (the
/// lookup reveals nothing about the token: the hash of a guess says nothing about the hash stored), and the hash found is
/// compared again in constant time. A revoked, unknown or malformed token is the same: no link.
/// </summary>
public sealed class ReviewService
{
    /// <summary>The longest time a comment may name on a clip whose length is not known (a day).</summary>
    private const double LongestClipSeconds = 86_400;

    private readonly StudioDatabase _database;
    private readonly SequenceService _sequences;
    private readonly GalleryService _gallery;
    private readonly TimeProvider _time;

    public ReviewService(StudioDatabase database, SequenceService sequences, GalleryService gallery, TimeProvider time)
    {
        _database = database;
        _sequences = sequences;
        _gallery = gallery;
        _time = time;
    }

    /// <summary>A link to the sequence of scene version <paramref name="sceneId"/>'s lineage; null when there is no such scene.</summary>
    public async Task<(ReviewLink Link, string Token)?> ShareSequenceAsync(Guid sceneId, CancellationToken cancellationToken)
    {
        var view = await _sequences.GetAsync(sceneId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        var sequence = await _sequences.EnsureAsync(view.Scene.Name, cancellationToken);
        return await AddAsync(sequence.Id, null, $"{view.Scene.Name} · sequence", cancellationToken);
    }

    /// <summary>A link to one gallery clip; null when there is no such item.</summary>
    public async Task<(ReviewLink Link, string Token)?> ShareItemAsync(Guid galleryItemId, CancellationToken cancellationToken)
    {
        var item = await _gallery.FindAsync(galleryItemId, cancellationToken);
        return item is null ? null : await AddAsync(null, item.Id, GalleryEntry.From(item).Title, cancellationToken);
    }

    /// <summary>Links, newest first: those of a scene's sequence, of a gallery item, or all.</summary>
    public async Task<IReadOnlyList<ReviewLink>> ListAsync(Guid? sequenceId, Guid? galleryItemId, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var links = db.ReviewLinks.AsNoTracking();
        if (sequenceId is { } sequence)
        {
            links = links.Where(l => l.SequenceId == sequence);
        }

        if (galleryItemId is { } item)
        {
            links = links.Where(l => l.GalleryItemId == item);
        }

        return [.. (await links.ToListAsync(cancellationToken)).OrderByDescending(l => l.CreatedAt)];
    }

    /// <summary>Revokes a link: its address answers 404 from now on. False when there is no such link.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var link = await db.ReviewLinks.FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (link is null)
        {
            return false;
        }

        link.RevokedAt ??= _time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The live link a token opens; null for a malformed, unknown or revoked one alike.</summary>
    public async Task<ReviewLink?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ReviewToken.IsWellFormed(token))
        {
            return null;
        }

        var hash = ReviewToken.Hash(token!);
        await using var db = _database.CreateContext();
        var link = await db.ReviewLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        return link is not null && ReviewToken.SameHash(link.TokenHash, hash) && link.RevokedAt is null ? link : null;
    }

    /// <summary>What a link plays; null when what it showed is gone (the scene or the clip deleted).</summary>
    public async Task<SequencePlayback?> PlaybackAsync(ReviewLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.SequenceId is { } sequence)
        {
            return await _sequences.PlaybackAsync(sequence, cancellationToken);
        }

        return link.GalleryItemId is { } id && await _gallery.FindAsync(id, cancellationToken) is { } item ? SequencePlayback(item) : null;
    }

    /// <summary>Adds a reviewer's note at <paramref name="seconds"/> into what the link shows.</summary>
    /// <exception cref="FieldException">No name or text, either too long, or a time outside the cut.</exception>
    public async Task<ReviewComment> CommentAsync(ReviewLink link, SequencePlayback playback, double seconds, string? author, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(playback);
        var name = Clean(author, "author", "your name", ReviewLimits.AuthorLength);
        var note = Clean(text, "text", "a comment", ReviewLimits.TextLength);
        var longest = playback.Duration ?? LongestClipSeconds;
        if (!double.IsFinite(seconds) || seconds < 0 || seconds > longest + 0.001)
        {
            throw new FieldException("seconds", string.Create(CultureInfo.InvariantCulture, $"A comment's time is from 0 to {longest:0.###} s; {seconds} s is not."));
        }

        var comment = new ReviewComment
        {
            Id = Guid.NewGuid(),
            ReviewLinkId = link.Id,
            Seconds = Math.Round(seconds, 3),
            Author = name,
            Text = note,
            CreatedAt = _time.GetUtcNow().UtcDateTime,
        };
        await using var db = _database.CreateContext();
        db.ReviewComments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return comment;
    }

    /// <summary>The comments of one link, by time in the cut.</summary>
    public async Task<IReadOnlyList<ReviewComment>> CommentsAsync(Guid linkId, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return Ordered(await db.ReviewComments.AsNoTracking().Where(c => c.ReviewLinkId == linkId).ToListAsync(cancellationToken));
    }

    /// <summary>The comments left through every link of a sequence (revoked ones too), by time in the cut.</summary>
    public async Task<IReadOnlyList<ReviewComment>> SequenceCommentsAsync(Guid sequenceId, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var comments = await (from comment in db.ReviewComments
                              join link in db.ReviewLinks on comment.ReviewLinkId equals link.Id
                              where link.SequenceId == sequenceId
                              select comment).AsNoTracking().ToListAsync(cancellationToken);
        return Ordered(comments);
    }

    public async Task<ReviewLink?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.ReviewLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
    }

    private static SequencePlayback SequencePlayback(GalleryItem item) => SequenceService.Playback(item);

    private static List<ReviewComment> Ordered(List<ReviewComment> comments) =>
        [.. comments.OrderBy(c => c.Seconds).ThenBy(c => c.CreatedAt)];

    private async Task<(ReviewLink Link, string Token)> AddAsync(Guid? sequenceId, Guid? galleryItemId, string title, CancellationToken cancellationToken)
    {
        var (token, hash) = ReviewToken.New();
        var link = new ReviewLink
        {
            Id = Guid.NewGuid(),
            TokenHash = hash,
            SequenceId = sequenceId,
            GalleryItemId = galleryItemId,
            Title = title.Length > 300 ? title[..300] : title,
            CreatedAt = _time.GetUtcNow().UtcDateTime,
        };
        await using var db = _database.CreateContext();
        db.ReviewLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        return (link, token);
    }

    private static string Clean(string? value, string field, string what, int limit)
    {
        var text = string.Concat((value ?? string.Empty).Where(c => !char.IsControl(c) || c is '\n')).Trim();
        if (text.Length == 0)
        {
            throw new FieldException(field, $"Write {what}.");
        }

        return text.Length <= limit
            ? text
            : throw new FieldException(field, string.Create(CultureInfo.InvariantCulture, $"At most {limit} characters; this has {text.Length}."));
    }
}
