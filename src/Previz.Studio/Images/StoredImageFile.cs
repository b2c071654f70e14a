namespace Previz.Studio.Images;

/// <summary>Where an uploaded image is kept and what it is.</summary>
public sealed record StoredImageFile(string Path, string ContentType);
