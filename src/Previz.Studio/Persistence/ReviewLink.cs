namespace Previz.Studio.Persistence;

/// <summary>
/// A view-only link for a reviewer: <c>/review/&lt;token&gt;</c> opens one sequence or one gallery item, and nothing
/// else. Only the SHA-256 of the token is stored; the token itself is shown once, when the link is made.
/// </summary>
public sealed class ReviewLink
{
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the token's ASCII text, lowercase hex.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The sequence shown, or null when the link shows a gallery item.</summary>
    public Guid? SequenceId { get; set; }

    /// <summary>The gallery item shown, or null when the link shows a sequence.</summary>
    public Guid? GalleryItemId { get; set; }

    /// <summary>What the studio lists the link as (the scene's name, or the clip's title).</summary>
    public required string Title { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the link was revoked; from then on its address answers 404 like one that never existed.</summary>
    public DateTime? RevokedAt { get; set; }
}
