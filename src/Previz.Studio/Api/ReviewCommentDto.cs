using Previz.Studio.Persistence;

namespace Previz.Studio.Api;

/// <summary>A reviewer's comment at a time in what the link shows.</summary>
public sealed record ReviewCommentDto(Guid Id, Guid LinkId, double Seconds, string Author, string Text, DateTime CreatedAt)
{
    public static ReviewCommentDto From(ReviewComment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return new ReviewCommentDto(comment.Id, comment.ReviewLinkId, comment.Seconds, comment.Author, comment.Text, comment.CreatedAt);
    }
}
