using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Previz.Providers.Generation;
using Previz.Rendering.Adherence;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;

namespace Previz.Studio.Gallery;

/// <summary>Gallery items: adding a finished clip with its poster and provenance, listing, deleting.</summary>
public sealed class GalleryService
{
    private readonly StudioDatabase _database;
    private readonly MediaStore _media;
    private readonly DataFolder _folder;
    private readonly TimeProvider _time;

    public GalleryService(StudioDatabase database, MediaStore media, DataFolder folder, TimeProvider time)
    {
        _database = database;
        _media = media;
        _folder = folder;
        _time = time;
    }

    /// <summary>
    /// Stores <paramref name="clip"/> (moved into the media store) as the gallery item of <paramref name="generation"/>,
    /// committed on its own. Idempotent: a generation has at most one item, so adding it again returns the first.
    /// Workers commit the item with the generation's "Succeeded" instead (see <see cref="StageAsync"/>).
    /// </summary>
    public async Task<GalleryItem> AddAsync(GenerationRecord generation, string clip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var item = await StageAsync(generation, clip, poster: null, cancellationToken);
        Describe(item, generation, finishing: null);
        await using var db = _database.CreateContext();
        db.GalleryItems.Add(item);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another worker stored the same generation's item first (unique index on GenerationId); any other failure stands.
            await using var again = _database.CreateContext();
            var first = await again.GalleryItems.AsNoTracking().FirstOrDefaultAsync(i => i.GenerationId == generation.Id, cancellationToken);
            if (first is null)
            {
                throw;
            }

            return first;
        }

        return item;
    }

    /// <summary>
    /// Moves <paramref name="clip"/> into the media store and makes its poster; returns the item, not yet written and
    /// without its provenance (<see cref="Describe"/>), for the caller to commit in the same transaction as the
    /// generation's "Succeeded": an item then exists exactly when its generation says so.
    /// </summary>
    /// <param name="poster">The poster made with the clip (<see cref="MediaStore.PosterOf"/>), moved in; null or missing: one is made.</param>
    public async Task<GalleryItem> StageAsync(GenerationRecord generation, string clip, string? poster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var (hash, path, length) = await _media.AddAsync(clip, "mp4", cancellationToken);
        var stored = await _media.PosterAsync(path, generation.Duration, poster, cancellationToken);
        return new GalleryItem
        {
            Id = Guid.NewGuid(),
            GenerationId = generation.Id,
            MediaHash = hash,
            MediaPath = path,
            PosterPath = stored,
            ContentType = "video/mp4",
            Length = length,
            DownloadName = DownloadNames.For(generation.SceneName, generation.ShotId, generation.ModelId, generation.Duration, "mp4"),
            ProvenanceJson = "{}",
            CreatedAt = _time.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>
    /// <see cref="StageAsync"/> for a still (Image mode): <paramref name="still"/> (a finished PNG or JPEG) moved into the
    /// media store with <paramref name="poster"/> beside it, an item of <paramref name="contentType"/>.
    /// </summary>
    public async Task<GalleryItem> StageStillAsync(GenerationRecord generation, string still, string contentType, string? poster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var extension = contentType switch
        {
            "image/png" => "png",
            "image/jpeg" => "jpg",
            _ => throw new ArgumentException($"A gallery still is a PNG or a JPEG, not {contentType}.", nameof(contentType)),
        };
        var (hash, path, length) = await _media.AddAsync(still, extension, cancellationToken);
        return new GalleryItem
        {
            Id = Guid.NewGuid(),
            GenerationId = generation.Id,
            MediaHash = hash,
            MediaPath = path,
            PosterPath = _media.StillPoster(path, poster),
            ContentType = contentType,
            Length = length,
            DownloadName = DownloadNames.ForStill(generation.SceneName, generation.ShotId, generation.ModelId, extension),
            ProvenanceJson = "{}",
            CreatedAt = _time.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>
    /// Writes the provenance of <paramref name="generation"/>, as it is about to be committed, into <paramref name="item"/>,
    /// with what was done to the result (<see cref="GenerationProvenance.Finishing"/>) and, for a clip that was measured,
    /// how closely it follows the authored motion (<see cref="GenerationProvenance.Adherence"/>).
    /// </summary>
    public void Describe(GalleryItem item, GenerationRecord generation, string? finishing, MotionAdherence? adherence = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(generation);
        var provenance = ProvenanceOf(generation, _time.GetUtcNow().UtcDateTime, finishing) with { Adherence = adherence };
        item.ProvenanceJson = JsonSerializer.Serialize(provenance, StudioJson.Options);
    }

    public async Task<IReadOnlyList<GalleryItem>> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.GalleryItems.AsNoTracking().OrderByDescending(i => i.CreatedAt).Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    public async Task<GalleryItem?> FindByGenerationAsync(Guid generationId, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.GalleryItems.AsNoTracking().FirstOrDefaultAsync(i => i.GenerationId == generationId, cancellationToken);
    }

    public async Task<GalleryItem?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.GalleryItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>Deletes the record, and the media file and poster unless another item has the same content.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var item = await db.GalleryItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return false;
        }

        db.GalleryItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        if (!await db.GalleryItems.AnyAsync(i => i.MediaHash == item.MediaHash, cancellationToken))
        {
            File.Delete(_folder.Resolve(item.MediaPath));
            if (item.PosterPath is not null)
            {
                File.Delete(_folder.Resolve(item.PosterPath));
            }
        }

        return true;
    }

    /// <summary>Absolute path of a stored file of an item.</summary>
    public string PathOf(string relative) => _folder.Resolve(relative);

    /// <summary>The plan's provenance with what the run added: the request id, timings, the bill, the finishing.</summary>
    internal static GenerationProvenance ProvenanceOf(GenerationRecord generation, DateTime finishedAt, string? finishing) =>
        StoredPlan.Of(generation).Provenance with
        {
            GenerationId = generation.Id,
            SceneId = generation.SceneId,
            RequestId = generation.VendorRequestId,
            RetryOf = generation.RetryOfId,
            Attempt = generation.Attempt,
            StartedAt = Utc(generation.StartedAt),
            SubmittedAt = Utc(generation.SubmittedAt),
            FinishedAt = Utc(generation.FinishedAt ?? finishedAt),
            BilledCostUsd = generation.BilledCostUsd,
            BilledCostSource = generation.BilledCostSource,
            Finishing = finishing,
        };

    private static DateTimeOffset? Utc(DateTime? time) => time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
