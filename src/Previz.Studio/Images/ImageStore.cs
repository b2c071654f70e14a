using System.Security.Cryptography;
using Previz.Studio.Api;
using Previz.Studio.Hosting;

namespace Previz.Studio.Images;

/// <summary>
/// Uploaded reference images under <c>images/&lt;sha256&gt;.&lt;ext&gt;</c>, shared by <c>POST /api/images</c> and the
/// visualizer's "Upload image", so both check content the same way and a frame is referred to as <c>image:ID</c>.
/// </summary>
public sealed class ImageStore
{
    private readonly DataFolder _folder;

    public ImageStore(DataFolder folder) => _folder = folder;

    /// <summary>Stores a PNG, JPEG or WebP (recognised by its bytes, not its name, and decoded whole); returns its id (SHA-256 hex).</summary>
    public async Task<StoredImage> AddAsync(byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (ImageSignatures.Decoded(content, out var problem) is not { } kind)
        {
            throw new FieldException("file", $"The upload is not a PNG, JPEG or WebP image: {problem}.");
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = Path.Combine(_folder.Images, $"{hash}.{kind.Extension}");
        if (!File.Exists(path))
        {
            // Written aside and moved, so a reader never sees half a file.
            var temp = Path.Combine(_folder.Temp, $"{Guid.NewGuid():N}.upload");
            await File.WriteAllBytesAsync(temp, content, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }

        return new StoredImage(hash, kind.ContentType, content.Length);
    }

    /// <summary>The stored file of an id, or null. Only SHA-256 hex ids are looked up, which keeps the lookup inside the folder.</summary>
    public StoredImageFile? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var key = id.ToLowerInvariant();
        if (key.Length != 64 || !key.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var file = Directory.EnumerateFiles(_folder.Images, key + ".*").FirstOrDefault();
        if (file is null)
        {
            return null;
        }

        var contentType = Path.GetExtension(file) switch
        {
            ".jpg" => "image/jpeg",
            ".webp" => "image/webp",
            _ => "image/png",
        };
        return new StoredImageFile(file, contentType);
    }
}
