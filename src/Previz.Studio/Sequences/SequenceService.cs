using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Previz.Core.Scenes;
using Previz.Core.Sequences;
using Previz.Rendering.Sequences;
using Previz.Rendering.Video;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;
using Previz.Studio.Scenes;

namespace Previz.Studio.Sequences;

/// <summary>
/// The sequence of a scene lineage: takes per shot, sound cues, and the cut the player plays. Everything a user can get
/// wrong (a clip of another shot, a file that is not audio, a cue past the end) is a <see cref="FieldException"/>.
/// </summary>
public sealed class SequenceService
{
    /// <summary>What a shot without a chosen clip plays.</summary>
    public const string DirectRenderLabel = "Direct Render";

    private readonly StudioDatabase _database;
    private readonly SceneStore _scenes;
    private readonly MediaStore _media;
    private readonly MediaTool _tool;
    private readonly DataFolder _folder;
    private readonly DirectRenderTakes _directRender;
    private readonly TimeProvider _time;

    public SequenceService(StudioDatabase database, SceneStore scenes, MediaStore media, MediaTool tool, DataFolder folder, DirectRenderTakes directRender, TimeProvider time)
    {
        _database = database;
        _scenes = scenes;
        _media = media;
        _tool = tool;
        _folder = folder;
        _directRender = directRender;
        _time = time;
    }

    /// <summary>The sequence of the lineage of scene version <paramref name="sceneId"/>; null when there is no such scene.</summary>
    public async Task<SequenceView?> GetAsync(Guid sceneId, CancellationToken cancellationToken)
    {
        var record = await _scenes.FindAsync(sceneId, cancellationToken);
        return record is null ? null : await ViewAsync(record.Name, cancellationToken);
    }

    /// <summary>The sequence of the scene named <paramref name="sceneName"/>; null when no version of it is left.</summary>
    public async Task<SequenceView?> ViewAsync(string sceneName, CancellationToken cancellationToken)
    {
        var latest = await _scenes.LatestAsync(sceneName, cancellationToken);
        if (latest is null)
        {
            return null;
        }

        var document = await _scenes.LoadAsync(latest, cancellationToken);
        await using var db = _database.CreateContext();
        var sequence = await db.Sequences.AsNoTracking().FirstOrDefaultAsync(s => s.SceneName == sceneName, cancellationToken);
        var options = await OptionsAsync(db, sceneName, cancellationToken);
        var takes = new Dictionary<string, TakeOption>(StringComparer.Ordinal);
        IReadOnlyList<SoundCueRecord> cues = [];
        if (sequence is not null)
        {
            var chosen = await db.SequenceTakes.AsNoTracking().Where(t => t.SequenceId == sequence.Id).ToListAsync(cancellationToken);
            foreach (var take in chosen)
            {
                // A deleted clip leaves its shot on Direct Render.
                if (options.FirstOrDefault(o => o.GalleryItemId == take.GalleryItemId && o.ShotId == take.ShotId) is { } option)
                {
                    takes[take.ShotId] = option;
                }
            }

            cues = [.. (await db.SoundCues.AsNoTracking().Where(c => c.SequenceId == sequence.Id).ToListAsync(cancellationToken)).OrderBy(c => c.StartSeconds).ThenBy(c => c.CreatedAt)];
        }

        return new SequenceView(latest, document, sequence, takes, options, cues, Length(latest.Name, document.Shots));
    }

    /// <summary>
    /// Replaces the chosen takes: each shot named gets its clip (null: Direct Render); shots not named play Direct Render.
    /// </summary>
    /// <exception cref="FieldException">A shot the newest version does not have, a clip that does not exist, or a clip of another shot or scene.</exception>
    public async Task<SequenceView?> SetTakesAsync(Guid sceneId, IReadOnlyDictionary<string, Guid?> takes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(takes);
        var view = await GetAsync(sceneId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        var chosen = new List<(string ShotId, Guid ItemId)>();
        await using (var db = _database.CreateContext())
        {
            foreach (var (shotId, itemId) in takes)
            {
                var field = $"takes.{shotId}";
                if (!view.Document.Shots.Any(s => s.Id == shotId))
                {
                    throw new FieldException(field, $"Scene \"{view.Scene.Name}\" v{view.Scene.Version} has no shot \"{shotId}\" (its shots: {string.Join(", ", view.Document.Shots.Select(s => s.Id))}).");
                }

                if (itemId is not { } id)
                {
                    continue;
                }

                var made = await (from item in db.GalleryItems
                                  join generation in db.Generations on item.GenerationId equals generation.Id
                                  where item.Id == id
                                  select new { generation.ShotId, generation.SceneId, generation.SceneName, item.ContentType }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new FieldException(field, $"There is no gallery item {id}.");
                if (GalleryEntry.IsStillType(made.ContentType))
                {
                    throw new FieldException(field, $"Gallery item {id} is a still: a take must be a clip.");
                }

                var sceneName = made.SceneName;
                if (made.SceneId is { } madeFrom && await db.Scenes.AsNoTracking().Where(s => s.Id == madeFrom).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) is { } name)
                {
                    sceneName = name;
                }

                if (sceneName != view.Scene.Name)
                {
                    throw new FieldException(field, $"Gallery item {id} is a clip of scene \"{sceneName}\" (shot \"{made.ShotId}\"), not of shot \"{shotId}\" of \"{view.Scene.Name}\".");
                }

                if (made.ShotId != shotId)
                {
                    throw new FieldException(field, $"Gallery item {id} is a clip of shot \"{made.ShotId}\", not of shot \"{shotId}\": a take must be a clip of its own shot.");
                }

                chosen.Add((shotId, id));
            }

            var sequence = await EnsureSequenceAsync(db, view.Scene.Name, cancellationToken);
            await db.SequenceTakes.Where(t => t.SequenceId == sequence.Id).ExecuteDeleteAsync(cancellationToken);
            db.SequenceTakes.AddRange(chosen.Select(c => new SequenceTakeRecord { Id = Guid.NewGuid(), SequenceId = sequence.Id, ShotId = c.ShotId, GalleryItemId = c.ItemId }));
            sequence.UpdatedAt = _time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }

        return await ViewAsync(view.Scene.Name, cancellationToken);
    }

    /// <summary>
    /// Adds a sound cue from the uploaded <paramref name="file"/> (moved into <c>media/</c> when it is accepted, deleted
    /// otherwise); null when there is no such scene.
    /// </summary>
    /// <exception cref="FieldException">The file is not audio ffprobe can read (<c>file</c>), the gain is out of range (<c>gainDb</c>), or the cue starts outside the cut (<c>start</c>).</exception>
    public async Task<SoundCueRecord?> AddCueAsync(Guid sceneId, string file, SoundCueUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        try
        {
            var view = await GetAsync(sceneId, cancellationToken);
            if (view is null)
            {
                return null;
            }

            var shown = string.IsNullOrWhiteSpace(upload.FileName) ? "the upload" : $"\"{Path.GetFileName(upload.FileName)}\"";
            // The exports' own probe and rule for a cue's length: one ffprobe, whose streams are remembered for the format.
            var probe = new SequenceProbe(_tool);
            double seconds;
            try
            {
                seconds = await probe.AudioLengthAsync(file, cancellationToken);
            }
            catch (SequenceException)
            {
                // The probe's words name the spooled file, not the user's: say it in theirs.
                throw new FieldException("file", $"{shown} is not an audio file: ffprobe finds no audio stream in it.");
            }

            var format = (await probe.StreamsAsync(file, cancellationToken)).Format;
            var kind = AudioKinds.Of(format)
                ?? throw new FieldException("file", $"{shown} is {format} audio; sound cues are WAV, MP3, Ogg, FLAC, AAC/M4A, WebM or AIFF.");
            var name = CueName(upload);
            if (!double.IsFinite(upload.GainDb) || upload.GainDb < SequenceCutBuilder.MinGainDb || upload.GainDb > SequenceCutBuilder.MaxGainDb)
            {
                throw new FieldException("gainDb", string.Create(CultureInfo.InvariantCulture, $"A gain is from {SequenceCutBuilder.MinGainDb} to +{SequenceCutBuilder.MaxGainDb} dB; {upload.GainDb} dB is not."));
            }

            try
            {
                // The exports' own check: the cue must start inside the cut.
                SequenceCutBuilder.Build(view.Scene.Name, view.Document.Shots, Placeholders(view.Document.Shots), [new SoundCuePlacement(name, "cue", upload.Start, seconds, upload.GainDb)], 2, 2);
            }
            catch (SequenceException e)
            {
                throw new FieldException("start", e.Message);
            }

            var (_, stored, length) = await _media.AddAsync(file, kind.Extension, cancellationToken);
            var now = _time.GetUtcNow().UtcDateTime;
            await using var db = _database.CreateContext();
            var sequence = await EnsureSequenceAsync(db, view.Scene.Name, cancellationToken);
            var cue = new SoundCueRecord
            {
                Id = Guid.NewGuid(),
                SequenceId = sequence.Id,
                Name = name,
                MediaPath = stored,
                ContentType = kind.ContentType,
                Length = length,
                DurationSeconds = seconds,
                StartSeconds = upload.Start,
                GainDb = upload.GainDb,
                CreatedAt = now,
            };
            db.SoundCues.Add(cue);
            sequence.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return cue;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Removes a cue of the scene's sequence (its file stays: media is content-addressed and may be shared).</summary>
    public async Task<bool> DeleteCueAsync(Guid sceneId, Guid cueId, CancellationToken cancellationToken)
    {
        var record = await _scenes.FindAsync(sceneId, cancellationToken);
        if (record is null)
        {
            return false;
        }

        await using var db = _database.CreateContext();
        var removed = await (from cue in db.SoundCues
                             join sequence in db.Sequences on cue.SequenceId equals sequence.Id
                             where cue.Id == cueId && sequence.SceneName == record.Name
                             select cue).ExecuteDeleteAsync(cancellationToken);
        return removed > 0;
    }

    /// <summary>The stored sequence of a lineage, made now if there is none yet (for a review link to point at).</summary>
    public async Task<SequenceRecord> EnsureAsync(string sceneName, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var sequence = await EnsureSequenceAsync(db, sceneName, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return sequence;
    }

    /// <summary>The cut of a stored sequence as the player plays it; null when its scene is gone.</summary>
    public async Task<SequencePlayback?> PlaybackAsync(Guid sequenceId, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var name = await db.Sequences.AsNoTracking().Where(s => s.Id == sequenceId).Select(s => s.SceneName).FirstOrDefaultAsync(cancellationToken);
        return name is null ? null : await PlaybackAsync(name, cancellationToken);
    }

    /// <summary>The cut of the scene named <paramref name="sceneName"/>; null when no version of it is left.</summary>
    public async Task<SequencePlayback?> PlaybackAsync(string sceneName, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(sceneName, cancellationToken);
        return view is null ? null : Playback(view);
    }

    /// <summary>The cut of a view: shots back to back (frame-exact at the first shot's rate), cues that start inside it.</summary>
    public static SequencePlayback Playback(SequenceView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var shots = view.Document.Shots;
        var cut = SequenceCutBuilder.Build(view.Scene.Name, shots, Placeholders(shots), [], 2, 2);
        var media = new List<PlaybackMedia>();
        var clips = new List<PlaybackClip>();
        foreach (var clip in cut.Clips)
        {
            var shot = shots.First(s => s.Id == clip.ShotId);
            var start = cut.Rate.Seconds(clip.RecordStart);
            var duration = cut.Rate.Seconds(clip.Frames);
            if (view.Takes.TryGetValue(clip.ShotId, out var take))
            {
                clips.Add(new PlaybackClip(clip.ShotId, clip.Name, start, duration, take.Label, take.GalleryItemId, media.Count));
                media.Add(new PlaybackMedia($"gallery:{take.GalleryItemId}", "video/mp4"));
            }
            else
            {
                clips.Add(new PlaybackClip(clip.ShotId, clip.Name, start, duration, DirectRenderLabel, null, media.Count));
                media.Add(new PlaybackMedia(null, "video/mp4", view.Scene, view.Document, shot));
            }
        }

        var total = cut.Rate.Seconds(cut.TotalFrames);
        var cues = new List<PlaybackCue>();
        foreach (var cue in view.Cues)
        {
            // A cue a newer, shorter version of the scene left past the end is not played (nor lost).
            if (cue.StartSeconds >= total)
            {
                continue;
            }

            cues.Add(new PlaybackCue(cue.Id, cue.Name, cue.StartSeconds, Math.Min(cue.DurationSeconds, total - cue.StartSeconds), cue.GainDb, media.Count));
            media.Add(new PlaybackMedia(cue.MediaPath, cue.ContentType));
        }

        return new SequencePlayback(view.Scene.Name, cut.Rate.PerSecond, total, clips, cues) { Media = media };
    }

    /// <summary>A single gallery clip as a cut of one take (what a review link of a gallery item plays).</summary>
    public static SequencePlayback Playback(GalleryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var entry = GalleryEntry.From(item);
        var seconds = entry.Provenance.Options.OutputSeconds;
        var duration = seconds > 0 ? seconds : (double?)null;
        var clip = new PlaybackClip(entry.Provenance.ShotId, entry.Provenance.ShotId, 0, seconds, entry.ModelName, null, 0);
        return new SequencePlayback(entry.Title, 0, duration, [clip], []) { Media = [new PlaybackMedia(item.MediaPath, item.ContentType)] };
    }

    /// <summary>The file of media <paramref name="index"/> of a cut (a Direct Render take is rendered now if need be); null when there is none.</summary>
    public async Task<(string Path, string ContentType)?> OpenAsync(SequencePlayback playback, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(playback);
        if (index < 0 || index >= playback.Media.Count)
        {
            return null;
        }

        var media = playback.Media[index];
        if (media.Shot is { } shot && media.Scene is { } scene && media.Document is { } document)
        {
            return (await _directRender.PathAsync(scene, document, shot, cancellationToken), media.ContentType);
        }

        var stored = media.StoredPath!;
        if (stored.StartsWith("gallery:", StringComparison.Ordinal))
        {
            await using var db = _database.CreateContext();
            var id = Guid.Parse(stored["gallery:".Length..]);
            var item = await db.GalleryItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
            return item is null ? null : (_folder.Resolve(item.MediaPath), item.ContentType);
        }

        var path = _folder.Resolve(stored);
        return File.Exists(path) ? (path, media.ContentType) : null;
    }

    /// <summary>The cut's length in seconds.</summary>
    private static double Length(string name, IReadOnlyList<Shot> shots)
    {
        var cut = SequenceCutBuilder.Build(name, shots, Placeholders(shots), [], 2, 2);
        return cut.Rate.Seconds(cut.TotalFrames);
    }

    /// <summary>Takes long enough for any shot: the cut's timing depends on the shots alone.</summary>
    private static Dictionary<string, SequenceTake> Placeholders(IReadOnlyList<Shot> shots) =>
        shots.ToDictionary(s => s.Id, s => new SequenceTake(s.Id, DirectRenderLabel, int.MaxValue, false), StringComparer.Ordinal);

    private static string CueName(SoundCueUpload upload)
    {
        var name = !string.IsNullOrWhiteSpace(upload.Name) ? upload.Name.Trim()
            : !string.IsNullOrWhiteSpace(upload.FileName) ? Path.GetFileNameWithoutExtension(Path.GetFileName(upload.FileName.Trim()))
            : "Sound cue";
        name = string.Concat(name.Where(c => !char.IsControl(c)));
        return name.Length == 0 ? "Sound cue" : name.Length > 200 ? name[..200] : name;
    }

    private static async Task<List<TakeOption>> OptionsAsync(StudioDbContext db, string sceneName, CancellationToken cancellationToken)
    {
        var versions = db.Scenes.Where(s => s.Name == sceneName).Select(s => s.Id);
        var rows = await (from generation in db.Generations
                          join item in db.GalleryItems on generation.Id equals item.GenerationId
                          // A still (Image mode) is no take: a take is a clip.
                          where ((generation.SceneId != null && versions.Contains(generation.SceneId.Value)) || generation.SceneName == sceneName)
                              && item.ContentType == "video/mp4"
                          select new { item, generation.ShotId }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.item.CreatedAt).Select(r => new TakeOption(r.item.Id, r.ShotId, Label(r.item), r.item.CreatedAt))];
    }

    private static string Label(GalleryItem item)
    {
        var entry = GalleryEntry.From(item);
        return string.Create(CultureInfo.InvariantCulture, $"{entry.ModelName} · {entry.DurationText} · {item.CreatedAt:yyyy-MM-dd HH:mm}");
    }

    private async Task<SequenceRecord> EnsureSequenceAsync(StudioDbContext db, string sceneName, CancellationToken cancellationToken)
    {
        var sequence = await db.Sequences.FirstOrDefaultAsync(s => s.SceneName == sceneName, cancellationToken);
        if (sequence is not null)
        {
            return sequence;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        sequence = new SequenceRecord { Id = Guid.NewGuid(), SceneName = sceneName, CreatedAt = now, UpdatedAt = now };
        db.Sequences.Add(sequence);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Made by another request at the same moment: use that one.
            db.Entry(sequence).State = EntityState.Detached;
            sequence = await db.Sequences.FirstAsync(s => s.SceneName == sceneName, cancellationToken);
        }

        return sequence;
    }
}
