namespace Previz.Testing;

/// <summary>A file a client uploaded through a vendor's storage API.</summary>
/// <param name="Name">The file name the client gave.</param>
/// <param name="ContentType">The content type the client gave.</param>
/// <param name="Content">The bytes (empty until the upload itself arrives).</param>
public sealed record UploadedFile(string Name, string ContentType, byte[] Content);
