using System.Text.Json.Nodes;
using Previz.Studio.Persistence;

namespace Previz.Studio.Api;

/// <summary>A gallery item with links to its media, poster and download.</summary>
public sealed record GalleryItemDto(Guid Id, Guid GenerationId, string ContentType, long Length, string DownloadName, string MediaUrl, string? PosterUrl, string DownloadUrl, JsonNode? Provenance, DateTime CreatedAt)
{
    public static GalleryItemDto From(GalleryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(
            item.Id,
            item.GenerationId,
            item.ContentType,
            item.Length,
            item.DownloadName,
            $"/api/gallery/{item.Id}/media",
            item.PosterPath is null ? null : $"/api/gallery/{item.Id}/poster",
            $"/api/gallery/{item.Id}/download",
            JsonNode.Parse(item.ProvenanceJson),
            item.CreatedAt);
    }
}
