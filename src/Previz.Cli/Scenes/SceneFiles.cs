using Previz.Cli.Console;
using Previz.Core;
using Previz.Core.Scenes;
using Previz.Import.Scenes;

namespace Previz.Cli.Scenes;

/// <summary>
/// Opens scene files from disk: a .previz.json (checking that the files it references exist beside it, and loading
/// its glTF meshes) or a .glb/.gltf imported as the whole scene.
/// </summary>
public static class SceneFiles
{
    public static async Task<LoadedScene> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new UserErrorException($"Scene file not found: {path}");
        }

        return await SceneFileLoader.LoadAsync(full, cancellationToken);
    }

    /// <summary>Loads the scene and prints its warnings (unknown fields, usually typos) to stderr.</summary>
    public static async Task<LoadedScene> LoadReportingWarningsAsync(string path, Output output, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(path, cancellationToken);
        foreach (var warning in loaded.Warnings)
        {
            output.Warn(warning.ToString());
        }

        return loaded;
    }

    /// <summary>The shot for <c>--camera</c> when given (by camera id or name), else the one for <c>--shot</c>.</summary>
    public static Shot ResolveShot(SceneDocument scene, string? shotId, string? camera)
    {
        if (camera is null)
        {
            return ResolveShot(scene, shotId);
        }

        if (shotId is not null)
        {
            throw new UserErrorException("Give --shot or --camera, not both.");
        }

        return CameraShots.ForCamera(scene, camera);
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
