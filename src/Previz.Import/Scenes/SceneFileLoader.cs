using Previz.Core.Loading;

namespace Previz.Import.Scenes;

/// <summary>
/// Opens any scene file Previz takes: a <c>.glb</c>/<c>.gltf</c> (imported as the whole scene) or a
/// <c>.previz.json</c> (read and validated, then its glTF mesh references loaded from beside it).
/// </summary>
public static class SceneFileLoader
{
    /// <exception cref="GltfImportException">A glTF file that cannot be used.</exception>
    /// <exception cref="SceneValidationException">A scene document with errors, or a mesh reference that cannot be loaded.</exception>
    public static async Task<LoadedScene> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (GltfImporter.IsGltfPath(path))
        {
            var import = await GltfImporter.LoadAsync(path, cancellationToken).ConfigureAwait(false);
            // What was left out or made up (a default camera) is said on every command that opens the file.
            var notes = import.Notes.Select(n => new SceneProblem(System.IO.Path.GetFileName(path), n, ProblemSeverity.Warning)).ToList();
            return new LoadedScene(path, import.Scene, import, notes);
        }

        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".";
        var fileName = System.IO.Path.GetFileName(path);
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SceneValidationException([new SceneProblem("$", e is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : $"the file cannot be read: {e.Message}")], fileName);
        }

        SceneReadResult read;
        await using (stream.ConfigureAwait(false))
        {
            var options = new SceneReadOptions
            {
                SourceName = fileName,
                RelativeFileExists = relative => File.Exists(System.IO.Path.Combine(folder, relative)),
            };
            read = await SceneReader.ReadAsync(stream, options, cancellationToken).ConfigureAwait(false);
        }

        var scene = await SceneMeshResolver.ResolveAsync(read.Scene, folder, cancellationToken).ConfigureAwait(false);
        return new LoadedScene(path, scene, null, read.Warnings);
    }
}
