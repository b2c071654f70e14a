namespace Previz.Studio.Api;

/// <summary>A new review link with its address: the only time the address is told (only its hash is kept).</summary>
/// <param name="Link">The link as it is listed.</param>
/// <param name="Url">The address to send the reviewer: <c>…/review/&lt;token&gt;</c>.</param>
public sealed record CreatedReviewLinkDto(ReviewLinkDto Link, string Url);
