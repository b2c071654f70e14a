using Previz.Studio.Persistence;

namespace Previz.Studio.Api;

/// <summary>A review link as the studio lists it: never its token or address (shown once, when it is made).</summary>
/// <param name="Id">The link.</param>
/// <param name="Title">What it shows.</param>
/// <param name="Target"><c>sequence</c> or <c>gallery</c>.</param>
/// <param name="SequenceId">The sequence shown.</param>
/// <param name="GalleryItemId">The gallery item shown.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="RevokedAt">When it was revoked; null while it works.</param>
public sealed record ReviewLinkDto(Guid Id, string Title, string Target, Guid? SequenceId, Guid? GalleryItemId, DateTime CreatedAt, DateTime? RevokedAt)
{
    public static ReviewLinkDto From(ReviewLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new ReviewLinkDto(link.Id, link.Title, link.SequenceId is null ? "gallery" : "sequence", link.SequenceId, link.GalleryItemId, link.CreatedAt, link.RevokedAt);
    }
}
