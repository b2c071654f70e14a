using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Previz.Core;
using Previz.Core.Loading;
using Previz.Core.Scenes;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;

namespace Previz.Studio.Scenes;

/// <summary>Uploaded scenes: validated, stored under a generated name, versioned by name, found by content hash.</summary>
public sealed class SceneStore
{
    private readonly StudioDatabase _database;
    private readonly DataFolder _folder;
    private readonly TimeProvider _time;

    public SceneStore(StudioDatabase database, DataFolder folder, TimeProvider time)
    {
        _database = database;
        _folder = folder;
        _time = time;
    }

    /// <summary>Validates a <c>.previz.json</c> document; throws <see cref="SceneValidationException"/> with JSON paths.</summary>
    public static SceneReadResult Validate(ReadOnlySpan<byte> content)
    {
        if (content.Length >= 4 && content[..4].SequenceEqual("glTF"u8))
        {
            throw new UserErrorException("GLB scenes cannot be read by this build yet (the glTF importer is not merged); upload a .previz.json scene.");
        }

        var start = content.TrimStart(" \t\r\n\uFEFF"u8);
        if (start.Length == 0 || start[0] != (byte)'{')
        {
            throw new UserErrorException("The upload is not a Previz scene: a .previz.json file is a JSON object.");
        }

        return SceneReader.Read(content);
    }

    /// <summary>Stores a validated upload; the same content uploaded again returns the existing record.</summary>
    public async Task<(SceneRecord Record, SceneReadResult Read)> AddAsync(byte[] content, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var read = Validate(content);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        await using var db = _database.CreateContext();
        var same = await db.Scenes.AsNoTracking().FirstOrDefaultAsync(s => s.ContentHash == hash, cancellationToken);
        if (same is not null)
        {
            return (same, read);
        }

        var stored = Path.Combine(_folder.Scenes, $"{hash}.previz.json");
        if (!File.Exists(stored))
        {
            var temp = Path.Combine(_folder.Temp, $"{Guid.NewGuid():N}.upload");
            await File.WriteAllBytesAsync(temp, content, cancellationToken);
            File.Move(temp, stored, overwrite: true);
        }

        var name = read.Scene.Name;
        for (var attempt = 0; ; attempt++)
        {
            var version = 1 + (await db.Scenes.Where(s => s.Name == name).MaxAsync(s => (int?)s.Version, cancellationToken) ?? 0);
            var record = new SceneRecord
            {
                Id = Guid.NewGuid(),
                Name = name,
                OriginalFileName = CleanFileName(fileName),
                Format = "previz-json",
                ContentHash = hash,
                Version = version,
                StoredPath = _folder.Relative(stored),
                Length = content.Length,
                CreatedAt = _time.GetUtcNow().UtcDateTime,
            };
            db.Scenes.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (record, read);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Someone took this version number at the same moment.
                db.ChangeTracker.Clear();
            }
        }
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

    /// <summary>Reads the stored document of a scene.</summary>
    public async Task<SceneDocument> LoadAsync(SceneRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var path = _folder.Resolve(record.StoredPath);
        if (!File.Exists(path))
        {
            throw new UserErrorException($"The file of scene \"{record.Name}\" v{record.Version} is missing from the data folder.");
        }

        await using var stream = File.OpenRead(path);
        return (await SceneReader.ReadAsync(stream, cancellationToken: cancellationToken)).Scene;
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

    private static string CleanFileName(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? "scene.previz.json");
        var clean = new string([.. name.Where(c => !char.IsControl(c) && c != '/' && c != '\\')]);
        return clean.Length == 0 ? "scene.previz.json" : clean[..Math.Min(clean.Length, 200)];
    }
}
