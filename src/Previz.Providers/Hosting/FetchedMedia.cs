namespace Previz.Providers.Hosting;

/// <summary>A downloaded result, checked by its leading bytes.</summary>
/// <param name="Kind">Video or image, from the file's signature.</param>
/// <param name="Format">Container or image format from the signature: <c>mp4</c>, <c>webm</c>, <c>png</c>, <c>jpeg</c>, <c>webp</c>, <c>gif</c>.</param>
/// <param name="ContentType">The Content-Type the server sent, or one inferred from the signature.</param>
/// <param name="Length">Bytes written to the destination.</param>
public sealed record FetchedMedia(MediaKind Kind, string Format, string ContentType, long Length);
