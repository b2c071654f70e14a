using System.Security.Cryptography;
using Previz.Core;
using Previz.Studio.Hosting;
using Previz.Studio.Images;

namespace Previz.Studio.Scenes;

/// <summary>
/// Reference pictures of scene objects, stored under their SHA-256 in <c>scenes/refs/</c> of the data folder. Stored
/// scenes live in <c>scenes/</c> and generations read references relative to it, so a scene refers to one of these as
/// <c>refs/&lt;sha256&gt;.png</c>, a path that stays inside the scene's folder.
/// </summary>
public sealed class ReferenceImageStore
{
    /// <summary>The folder, relative to a stored scene, that holds the pictures.</summary>
    public const string Folder = "refs";

    private readonly DataFolder _folder;
    private readonly StudioOptions _options;

    public ReferenceImageStore(DataFolder folder, StudioOptions options)
    {
        _folder = folder;
        _options = options;
    }

    /// <summary>Stores a PNG or JPEG (told by its content, not its name) and returns its path relative to a stored scene.</summary>
    /// <exception cref="UserErrorException">Not a PNG or JPEG, or over <see cref="StudioOptions.ImageUploadLimitBytes"/>.</exception>
    public async Task<string> AddAsync(byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > _options.ImageUploadLimitBytes)
        {
            throw new UserErrorException($"Reference pictures are limited to {_options.ImageUploadLimitBytes / (1024 * 1024)} MB.");
        }

        // Hosted models take PNG and JPEG references everywhere; WebP is not accepted by all of them.
        var kind = ImageSignatures.Decoded(content, out var problem);
        if (kind is not { Extension: "png" or "jpg" } found)
        {
            throw new UserErrorException($"A reference picture must be a PNG or JPEG image{(kind is null ? $": {problem}" : string.Empty)}.");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var name = $"{hash}.{found.Extension}";
        var folder = Path.Combine(_folder.Scenes, Folder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            var temp = Path.Combine(_folder.Temp, $"{Guid.NewGuid():N}.ref");
            await File.WriteAllBytesAsync(temp, content, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }

        return $"{Folder}/{name}";
    }
}
