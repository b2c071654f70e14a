namespace Previz.Studio.Api;

/// <summary>A comment from the review page: the reviewer's name, the note, and the time it is about.</summary>
public sealed record ReviewCommentBody(string? Author, string? Text, double? Seconds);
