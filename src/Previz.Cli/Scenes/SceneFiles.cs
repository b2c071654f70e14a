using Previz.Core;
using Previz.Core.Loading;
using Previz.Core.Scenes;

namespace Previz.Cli.Scenes;

/// <summary>Opens scene files from disk, checking that the files they reference exist beside them.</summary>
public static class SceneFiles
{
    public static async Task<SceneReadResult> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new UserErrorException($"Scene file not found: {path}");
        }

        var folder = Path.GetDirectoryName(full)!;
        var options = new SceneReadOptions
        {
            SourceName = Path.GetFileName(full),
            RelativeFileExists = relative => File.Exists(Path.Combine(folder, relative)),
        };
        await using var stream = File.OpenRead(full);
        return await SceneReader.ReadAsync(stream, options, cancellationToken);
    }

    /// <summary>The scene's short name for output files: "samples/stadium.previz.json" → "stadium".</summary>
    public static string ShortName(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in new[] { ".previz.json", ".json", ".glb", ".gltf" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }

        return Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>The shot asked for, or the first one; a clear error lists the shots there are.</summary>
    public static Shot ResolveShot(SceneDocument scene, string? shotId)
    {
        if (scene.Shots.Count == 0)
        {
            throw new UserErrorException($"The scene \"{scene.Name}\" has no shots to render; add one under \"shots\".");
        }

        return scene.FindShot(shotId)
            ?? throw new UserErrorException($"No shot \"{shotId}\" in \"{scene.Name}\"; shots are: {string.Join(", ", scene.Shots.Select(s => s.Id))}.");
    }
}
