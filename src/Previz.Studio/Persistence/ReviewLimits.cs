namespace Previz.Studio.Persistence;

/// <summary>How long a reviewer's name and note may be (the columns' lengths and what the review page accepts).</summary>
public static class ReviewLimits
{
    public const int AuthorLength = 80;

    public const int TextLength = 2000;
}
