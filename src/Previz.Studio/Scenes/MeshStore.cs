using System.Security.Cryptography;
using Previz.Import;
using Previz.Studio.Hosting;

namespace Previz.Studio.Scenes;

/// <summary>
/// Uploaded meshes for stored scenes: each a GLB checked by importing it, kept once by content under the data folder's
/// <c>scenes/meshes/&lt;sha256&gt;.glb</c>, so a scene names it as <c>meshes/&lt;sha256&gt;.glb</c> relative to its file.
/// </summary>
public sealed class MeshStore(DataFolder folder)
{
    /// <summary>Validates and stores a GLB; the same content uploaded again is the same path.</summary>
    /// <exception cref="FieldException">The upload is not a binary glTF, or has no triangles.</exception>
    /// <exception cref="GltfImportException">A GLB that cannot be used.</exception>
    public async Task<StoredMesh> AddAsync(byte[] content, string? fileName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        // GLB header magic (glTF 2.0, "Binary glTF Layout"); a .gltf would need files beside it that nobody sent.
        if (content.Length < 12 || !content.AsSpan(0, 4).SequenceEqual("glTF"u8))
        {
            throw new FieldException("file", "The upload is not a binary glTF (.glb): export the model as GLB, with its buffers inside.");
        }

        var name = CleanName(fileName);
        var import = GltfImporter.Parse(content, name + ".glb", baseDirectory: null);
        var mesh = SceneMeshResolver.MeshOf(import);
        if (mesh.TriangleCount == 0)
        {
            throw new FieldException("file", $"{name}.glb has no triangles to draw.");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var stored = Path.Combine(folder.Meshes, $"{hash}.glb");
        if (!File.Exists(stored))
        {
            Directory.CreateDirectory(folder.Meshes);
            var temp = Path.Combine(folder.Temp, $"{Guid.NewGuid():N}.upload");
            await File.WriteAllBytesAsync(temp, content, cancellationToken);
            File.Move(temp, stored, overwrite: true);
        }

        var (min, max) = mesh.Bounds();
        return new StoredMesh($"meshes/{hash}.glb", name, mesh.TriangleCount, max - min);
    }

    /// <summary>The upload's name without folders, control characters or extension ("mesh" when none).</summary>
    private static string CleanName(string? fileName)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName ?? string.Empty));
        var clean = new string([.. name.Where(c => !char.IsControl(c) && c != '/' && c != '\\')]).Trim();
        return clean.Length == 0 ? "mesh" : clean[..Math.Min(clean.Length, 200)];
    }
}
