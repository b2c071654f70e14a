namespace Previz.Studio.Images;

/// <summary>An uploaded image: its id (SHA-256 hex), content type and size.</summary>
public sealed record StoredImage(string Id, string ContentType, long Length);
