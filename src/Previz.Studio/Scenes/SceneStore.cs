using System.Data;
using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Previz.Core;
using Previz.Core.Editing;
using Previz.Core.Loading;
using Previz.Core.Scenes;
using Previz.Import;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;

namespace Previz.Studio.Scenes;

/// <summary>Uploaded scenes: validated, stored under a generated name, versioned by name, found by content hash.</summary>
public sealed class SceneStore
{
    /// <summary><see cref="SceneRecord.Format"/> of a <c>.previz.json</c> document.</summary>
    public const string JsonFormat = "previz-json";

    /// <summary><see cref="SceneRecord.Format"/> of a binary glTF.</summary>
    public const string GlbFormat = "glb";

    private readonly StudioDatabase _database;
    private readonly DataFolder _folder;
    private readonly TimeProvider _time;
    private readonly ParsedSceneCache _parsed;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> _clips = new(StringComparer.Ordinal);

    public SceneStore(StudioDatabase database, DataFolder folder, TimeProvider time, ParsedSceneCache parsed)
    {
        _database = database;
        _folder = folder;
        _time = time;
        _parsed = parsed;
    }

    /// <summary>
    /// Validates an upload, told apart by content: a binary glTF (<c>glTF</c> magic) is imported whole through
    /// <see cref="GltfImporter"/> (one shot per camera); anything else must be a <c>.previz.json</c> document.
    /// </summary>
    /// <param name="content">The upload.</param>
    /// <param name="fileName">The name it was uploaded as, for messages and a GLB's scene name.</param>
    /// <param name="relativeFileExists">Whether a path relative to the stored scenes exists; null checks no file.</param>
    /// <exception cref="SceneValidationException">A scene document with errors, named by JSON path.</exception>
    /// <exception cref="GltfImportException">A GLB that cannot be used.</exception>
    public static SceneReadResult Validate(byte[] content, string? fileName = null, Func<string, bool>? relativeFileExists = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (IsGlb(content))
        {
            // No base directory: an uploaded GLB must carry its buffers; nothing beside it is read.
            return new SceneReadResult(GltfImporter.Parse(content, CleanFileName(fileName, GlbFormat), baseDirectory: null).Scene, []);
        }

        var start = content.AsSpan().TrimStart(" \t\r\n\uFEFF"u8);
        if (start.Length == 0 || start[0] != (byte)'{')
        {
            throw new UserErrorException("The upload is not a Previz scene: send a .previz.json document or a binary glTF (.glb).");
        }

        return SceneReader.Read(content, new SceneReadOptions { RelativeFileExists = relativeFileExists });
    }

    /// <summary>
    /// Validates an upload as it will be stored: a mesh it names must be in the data folder's meshes (uploaded through
    /// <c>POST /api/meshes</c>), else the problem names <c>$.objects[i].mesh</c>.
    /// </summary>
    public SceneReadResult ValidateUpload(byte[] content, string? fileName = null) =>
        Validate(content, fileName, ReadOptions.RelativeFileExists);

    /// <summary>
    /// Only glTF paths are files the studio keeps beside its scenes; reference pictures live in the image store, so
    /// their paths are not looked up here.
    /// </summary>
    private bool MeshFileExists(string relative) =>
        !GltfImporter.IsGltfPath(relative) || File.Exists(Path.Combine(_folder.Scenes, relative));

    /// <summary>The GLB header: magic <c>glTF</c> then version and length (glTF 2.0 spec, "Binary glTF Layout").</summary>
    private static bool IsGlb(ReadOnlySpan<byte> content) => content.Length >= 12 && content[..4].SequenceEqual("glTF"u8);

    /// <summary>
    /// Stores a validated upload; the same content uploaded again returns the existing record, also when the copies
    /// arrive at once: the lookup by hash and the insert are one serializable transaction (SQLite takes its write lock
    /// at the start, BEGIN IMMEDIATE; PostgreSQL aborts all but one with a serialization failure), and a transaction
    /// that lost is run again and finds the winner's record.
    /// </summary>
    public async Task<(SceneRecord Record, SceneReadResult Read)> AddAsync(byte[] content, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var glb = IsGlb(content);
        var format = glb ? GlbFormat : JsonFormat;
        var read = ValidateUpload(content, fileName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var stored = Path.Combine(_folder.Scenes, glb ? $"{hash}.glb" : $"{hash}.previz.json");
        if (!File.Exists(stored))
        {
            var temp = Path.Combine(_folder.Temp, $"{Guid.NewGuid():N}.upload");
            await File.WriteAllBytesAsync(temp, content, cancellationToken);
            File.Move(temp, stored, overwrite: true);
        }

        var name = read.Scene.Name;
        for (var attempt = 0; ; attempt++)
        {
            await using var db = _database.CreateContext();
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
                var same = await db.Scenes.AsNoTracking().FirstOrDefaultAsync(s => s.ContentHash == hash, cancellationToken);
                if (same is not null)
                {
                    return (same, read);
                }

                var version = 1 + (await db.Scenes.Where(s => s.Name == name).MaxAsync(s => (int?)s.Version, cancellationToken) ?? 0);
                var record = new SceneRecord
                {
                    Id = Guid.NewGuid(),
                    Name = name,
                    OriginalFileName = CleanFileName(fileName, format),
                    Format = format,
                    ContentHash = hash,
                    Version = version,
                    StoredPath = _folder.Relative(stored),
                    Length = content.Length,
                    CreatedAt = _time.GetUtcNow().UtcDateTime,
                };
                db.Scenes.Add(record);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return (record, read);
            }
            catch (Exception ex) when (attempt < 10 && IsConflict(ex))
            {
                // Another upload committed first (the same content, or this name's next version): look again.
            }
        }
    }

    /// <summary>A unique index hit (this name's version number taken) or a serialization failure (SQLSTATE 40001), however wrapped.</summary>
    private static bool IsConflict(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateException or DbException { SqlState: "40001" })
            {
                return true;
            }
        }

        return false;
    }

    public async Task<IReadOnlyList<SceneRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.Scenes.AsNoTracking().OrderBy(s => s.Name).ThenByDescending(s => s.Version).ToListAsync(cancellationToken);
    }

    public async Task<SceneRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.Scenes.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>The stored file of a scene as uploaded (the studio edits a copy of it and stores that as a new version).</summary>
    public async Task<byte[]> ReadContentAsync(SceneRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = _folder.Resolve(record.StoredPath);
        return File.Exists(path)
            ? await File.ReadAllBytesAsync(path, cancellationToken)
            : throw new UserErrorException($"The file of scene \"{record.Name}\" v{record.Version} is missing from the data folder.");
    }

    /// <summary>Reads the stored document of a scene, with the meshes it names loaded from the data folder.</summary>
    public async Task<SceneDocument> LoadAsync(SceneRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = _folder.Resolve(record.StoredPath);
        if (!File.Exists(path))
        {
            throw new UserErrorException($"The file of scene \"{record.Name}\" v{record.Version} is missing from the data folder.");
        }

        // A GLB's scene is named after the file it was uploaded as, so the name is part of what was parsed.
        var key = record.Format == GlbFormat ? $"{record.ContentHash}/{GlbFormat}/{record.OriginalFileName}" : $"{record.ContentHash}/{record.Format}";
        return await _parsed.GetOrParseAsync(key, record.Length, async () =>
        {
            if (record.Format == GlbFormat)
            {
                // Imported under the name it was uploaded with, so the scene keeps the name it was versioned by.
                var content = await File.ReadAllBytesAsync(path, cancellationToken);
                return GltfImporter.Parse(content, record.OriginalFileName, baseDirectory: null).Scene;
            }

            await using var stream = File.OpenRead(path);
            var scene = (await SceneReader.ReadAsync(stream, cancellationToken: cancellationToken)).Scene;
            // Meshes are content-addressed, so what is cached under the scene's hash stays right.
            return await ResolveMeshesAsync(scene, cancellationToken);
        });
    }

    /// <summary>
    /// How a stored <c>.previz.json</c> reads: the meshes it names are looked for beside the stored scenes, where uploaded
    /// meshes are kept.
    /// </summary>
    public SceneReadOptions ReadOptions => new() { RelativeFileExists = MeshFileExists, MeshClips = MeshClips };

    /// <summary>
    /// The clip names of a glTF beside the stored scenes (null when it is missing or unreadable: the mesh check says so).
    /// Kept per file and write time, since every edit of a draft is read again.
    /// </summary>
    private IReadOnlyList<string>? MeshClips(string relative)
    {
        var path = Path.Combine(_folder.Scenes, relative);
        if (!GltfImporter.IsGltfPath(relative) || !File.Exists(path))
        {
            return null;
        }

        var key = $"{Path.GetFullPath(path)}|{File.GetLastWriteTimeUtc(path).Ticks}";
        if (_clips.TryGetValue(key, out var known))
        {
            return known;
        }

        try
        {
            var clips = GltfImporter.Load(path).Rig?.Clips.Select(c => c.Name).ToList() ?? [];
            _clips[key] = clips;
            return clips;
        }
        catch (GltfImportException)
        {
            return null;
        }
    }

    /// <summary>The scene with the geometry of its mesh objects loaded from beside the stored scenes.</summary>
    public async Task<SceneDocument> ResolveMeshesAsync(SceneDocument scene, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return scene.Objects.Any(o => o.Shape == Core.Geometry.ShapeKind.Mesh && o.Mesh is null)
            ? await SceneMeshResolver.ResolveAsync(scene, _folder.Scenes, cancellationToken)
            : scene;
    }

    /// <summary>The newest version of the scene named <paramref name="name"/>.</summary>
    public async Task<SceneRecord?> LatestAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.Scenes.AsNoTracking().Where(s => s.Name == name).OrderByDescending(s => s.Version).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// A new scene to compose in: a ground, a camera and one 5 s shot, under <paramref name="name"/> or, when a scene has
    /// that name already, the name with 2, 3… added, so it starts at version 1 of its own.
    /// </summary>
    public async Task<SceneRecord> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var wanted = string.IsNullOrWhiteSpace(name) ? "Untitled scene" : name.Trim();
        var free = wanted;
        for (var n = 2; await LatestAsync(free, cancellationToken) is not null; n++)
        {
            free = $"{wanted} {n}";
        }

        var fileName = string.Concat(free.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')).Trim('-');
        var (record, _) = await AddAsync(SceneTemplates.Empty(free), $"{(fileName.Length == 0 ? "scene" : fileName)}.previz.json", cancellationToken);
        return record;
    }

    /// <summary>Deletes the record, and the file unless another version has the same content. Generations keep the hash.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var record = await db.Scenes.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (record is null)
        {
            return false;
        }

        db.Scenes.Remove(record);
        await db.SaveChangesAsync(cancellationToken);
        if (!await db.Scenes.AnyAsync(s => s.ContentHash == record.ContentHash, cancellationToken))
        {
            File.Delete(_folder.Resolve(record.StoredPath));
        }

        return true;
    }

    private static string CleanFileName(string? fileName, string format)
    {
        var fallback = format == GlbFormat ? "scene.glb" : "scene.previz.json";
        var name = Path.GetFileName(fileName ?? fallback);
        var clean = new string([.. name.Where(c => !char.IsControl(c) && c != '/' && c != '\\')]);
        return clean.Length == 0 ? fallback : clean[..Math.Min(clean.Length, 200)];
    }
}
