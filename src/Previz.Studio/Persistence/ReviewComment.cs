namespace Previz.Studio.Persistence;

/// <summary>A reviewer's time-coded note, left on a review link's page.</summary>
public sealed class ReviewComment
{
    public Guid Id { get; set; }

    public Guid ReviewLinkId { get; set; }

    /// <summary>Seconds from the start of what the link shows.</summary>
    public double Seconds { get; set; }

    public required string Author { get; set; }

    public required string Text { get; set; }

    public DateTime CreatedAt { get; set; }
}
