using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Previz.Core;
using Previz.Core.Loading;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;

namespace Previz.Studio.Scenes;

/// <summary>
/// The bundled sample scenes (<c>samples/*.previz.json</c>) and storing one in the studio. Their reference pictures are
/// copied into the data folder and the paths rewritten to the copies, so a stored sample needs nothing outside it.
/// </summary>
public sealed class SampleLibrary
{
    private const string Pattern = "*.previz.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly SceneStore _scenes;
    private readonly ReferenceImageStore _references;
    private readonly ILogger<SampleLibrary> _logger;

    public SampleLibrary(StudioOptions options, SceneStore scenes, ReferenceImageStore references, ILogger<SampleLibrary> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scenes = scenes;
        _references = references;
        _logger = logger;
        Folder = FindFolder(options.SamplesFolder, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
    }

    /// <summary>The samples folder, or null when none was found.</summary>
    public string? Folder { get; }

    /// <summary>
    /// The configured folder if given; else <c>samples</c> next to the program (the CLI build copies it there); else the
    /// first <c>samples</c> folder holding a scene found walking up from the current directory (a repository checkout).
    /// </summary>
    public static string? FindFolder(string? configured, string programFolder, string currentFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        if (HasSamples(Path.Combine(programFolder, "samples")))
        {
            return Path.GetFullPath(Path.Combine(programFolder, "samples"));
        }

        for (var dir = new DirectoryInfo(currentFolder); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (HasSamples(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The valid samples, by name; a sample that does not read is logged and left out.</summary>
    public async Task<IReadOnlyList<SampleScene>> ListAsync(CancellationToken cancellationToken)
    {
        if (Folder is null)
        {
            return [];
        }

        var samples = new List<SampleScene>();
        foreach (var path in Directory.EnumerateFiles(Folder, Pattern).Order(StringComparer.Ordinal))
        {
            try
            {
                var read = SceneStore.Validate(await File.ReadAllBytesAsync(path, cancellationToken), Path.GetFileName(path));
                samples.Add(new SampleScene(Path.GetFileName(path), read.Scene.Name, read.Scene.Description, read.Scene.Shots.Count));
            }
            catch (UserErrorException e)
            {
                _logger.LogWarning("Sample {Sample} is not a valid scene: {Problems}", path, e.Message);
            }
        }

        return samples.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Stores a sample (once: the same content returns the stored record) and returns its record.</summary>
    public async Task<SceneRecord> OpenAsync(string fileName, CancellationToken cancellationToken)
    {
        // Only a plain file name of a sample: never a path the caller made up.
        if (Folder is null || Path.GetFileName(fileName) != fileName || !fileName.EndsWith(".previz.json", StringComparison.Ordinal))
        {
            throw new ArgumentException($"\"{fileName}\" is not a sample.", nameof(fileName));
        }

        var path = Path.Combine(Folder, fileName);
        var content = await WithStoredReferencesAsync(await File.ReadAllBytesAsync(path, cancellationToken), Folder, cancellationToken);
        var (record, _) = await _scenes.AddAsync(content, fileName, cancellationToken);
        return record;
    }

    /// <summary>Stores every sample; returns how many there were.</summary>
    public async Task<int> StoreAllAsync(CancellationToken cancellationToken)
    {
        var samples = await ListAsync(cancellationToken);
        foreach (var sample in samples)
        {
            var record = await OpenAsync(sample.FileName, cancellationToken);
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Sample {Sample} is scene {SceneId} (v{Version})", sample.FileName, record.Id, record.Version);
            }
        }

        return samples.Count;
    }

    private async Task<byte[]> WithStoredReferencesAsync(byte[] content, string folder, CancellationToken cancellationToken)
    {
        var root = JsonNode.Parse(content, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (root?["objects"] is not JsonArray objects)
        {
            return content;
        }

        var changed = false;
        foreach (var reference in objects.OfType<JsonObject>().Select(o => o["references"]).OfType<JsonArray>().SelectMany(a => a.OfType<JsonObject>()))
        {
            if (reference["path"]?.GetValueKind() != JsonValueKind.String || ScenePaths.Check(reference["path"]!.GetValue<string>()) is not null)
            {
                continue;
            }

            var file = Path.Combine(folder, reference["path"]!.GetValue<string>());
            if (File.Exists(file))
            {
                reference["path"] = await _references.AddAsync(await File.ReadAllBytesAsync(file, cancellationToken), cancellationToken);
                changed = true;
            }
        }

        return changed ? JsonSerializer.SerializeToUtf8Bytes(root, Indented) : content;
    }

    private static bool HasSamples(string folder) => Directory.Exists(folder) && Directory.EnumerateFiles(folder, Pattern).Any();
}
