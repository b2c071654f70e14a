using System.Text.Json;
using Previz.Import.Container;
using Previz.Import.Reading;
using Previz.Import.Validation;
using SharpGLTF.Schema2;

namespace Previz.Import;

/// <summary>
/// Reads glTF 2.0 files (<c>.gltf</c> with external or embedded buffers, and binary <c>.glb</c>) into a Previz scene:
/// mesh nodes become objects named after their nodes, camera nodes become cameras, all animations play on one
/// timeline, and each camera gets a shot spanning it; a file Previz exported comes back as the scene it was written
/// from. Any problem with the file is a <see cref="GltfImportException"/>.
/// </summary>
public static class GltfImporter
{
    /// <summary>Whether a path names a glTF file by its extension (<c>.gltf</c> or <c>.glb</c>).</summary>
    public static bool IsGltfPath(string path) =>
        Path.GetExtension(path).ToUpperInvariant() is ".GLB" or ".GLTF";

    /// <summary>Loads a <c>.gltf</c>/<c>.glb</c> file; external buffers and images are read beside it.</summary>
    public static async Task<GltfImport> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fileName = Path.GetFileName(path);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GltfImportException(fileName, ReadProblem(e), e);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Parse(content, fileName, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>Loads a <c>.gltf</c>/<c>.glb</c> file; external buffers and images are read beside it.</summary>
    public static GltfImport Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fileName = Path.GetFileName(path);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GltfImportException(fileName, ReadProblem(e), e);
        }

        return Parse(content, fileName, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>
    /// Reads a glTF held in memory: GLB bytes, or glTF JSON whose buffers are <c>data:</c> URIs or files in
    /// <paramref name="baseDirectory"/> (none are read when it is null).
    /// </summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="fileName">The name used in messages and as the scene name.</param>
    /// <param name="baseDirectory">Where relative URIs point, or null to refuse them.</param>
    public static GltfImport Parse(byte[] content, string fileName, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var isGlb = GlbContainer.LooksLikeGlb(content) || Path.GetExtension(fileName).Equals(".glb", StringComparison.OrdinalIgnoreCase);
        IReadOnlyList<AnimationLayout> layouts;
        if (isGlb)
        {
            var container = GlbContainer.Read(content, fileName);
            layouts = GltfDocumentChecks.Check(container.Json, container.Bin?.Count, fileName, ExternalLength(baseDirectory));
        }
        else
        {
            layouts = GltfDocumentChecks.Check(content, null, fileName, ExternalLength(baseDirectory));
        }

        var model = LoadModel(content, isGlb, fileName, baseDirectory);
        try
        {
            var (tracks, animations, clips) = AnimationReader.Read(model, layouts, fileName);
            var import = SceneAssembler.Assemble(model, Path.GetFileNameWithoutExtension(fileName), tracks, animations, clips, fileName);
            // A file Previz exported carries its whole scene: read that back rather than the generic mapping.
            return PrevizReadBack.Restore(model, import, tracks, fileName) ?? import;
        }
        catch (Exception e) when (IsFileProblem(e))
        {
            throw new GltfImportException(fileName, $"the file could not be read: {Clean(e.Message)}", e);
        }
    }

    private static ModelRoot LoadModel(byte[] content, bool isGlb, string fileName, string? baseDirectory)
    {
        var context = baseDirectory is not null
            ? ReadContext.CreateFromDirectory(new DirectoryInfo(baseDirectory))
            : ReadContext.Create(uri => throw new GltfImportException(fileName, $"it refers to the external file \"{uri}\", which cannot be read from memory."));
        // Our own checks ran already; SharpGLTF's full validation would walk every accessor again.
        context.Validation = SharpGLTF.Validation.ValidationMode.Skip;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            return isGlb ? context.ReadBinarySchema2(stream) : context.ReadTextSchema2(stream);
        }
        catch (FileNotFoundException e)
        {
            throw new GltfImportException(fileName, $"a file it refers to is missing: {Path.GetFileName(e.FileName) ?? e.Message}.", e);
        }
        catch (NotImplementedException e)
        {
            // SharpGLTF's deserializer throws this for a JSON value of another type than its field's (a name that is a
            // number, an enum that is null): only its reading is here, so it is the file's problem, not ours.
            throw new GltfImportException(fileName, "a value in the glTF JSON has the wrong type for its field (see the glTF 2.0 schema); export the file again.", e);
        }
        catch (Exception e) when (IsFileProblem(e))
        {
            throw new GltfImportException(fileName, $"the file could not be read: {Clean(e.Message)}", e);
        }
    }

    /// <summary>The length of a file beside the glTF, or null when it is missing (no folder: nothing is looked up).</summary>
    private static Func<string, long?>? ExternalLength(string? baseDirectory) =>
        baseDirectory is null
            ? null
            : relative =>
            {
                var file = new FileInfo(Path.Combine(baseDirectory, relative));
                return file.Exists ? file.Length : null;
            };

    private static bool IsFileProblem(Exception e) =>
        e is SharpGLTF.Validation.ModelException or IOException or UnauthorizedAccessException or ArgumentException
            or InvalidOperationException or FormatException or JsonException or IndexOutOfRangeException
            or NotSupportedException or OverflowException or InvalidDataException;

    private static string ReadProblem(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "the file does not exist.",
        UnauthorizedAccessException => "the file cannot be read (permission denied).",
        _ => $"the file cannot be read: {e.Message}",
    };

    /// <summary>SharpGLTF appends a link to an online validator; keep the message to what is wrong.</summary>
    private static string Clean(string message)
    {
        var cut = message.IndexOf("Model generated by", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
