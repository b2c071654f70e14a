namespace Previz.Core.Catalog;

/// <summary>
/// How a model takes pictures of the objects (not frames): the most it takes, the request field, and the endpoint
/// when references go to a different endpoint than plain image-to-video.
/// </summary>
public sealed record ReferenceImageSupport(int MaxCount, string Field, string? Endpoint = null, string? Note = null)
{
    /// <summary>How the pictures are laid out in the body.</summary>
    public ReferenceLayout Layout { get; init; } = ReferenceLayout.UrlList;

    /// <summary>For <see cref="ReferenceLayout.Elements"/>: the most pictures of one object (frontal + references).</summary>
    public int? MaxImagesPerObject { get; init; }

    /// <summary>Text naming element <c>n</c> (1-based) in the prompt, e.g. <c>@Element{0}</c>; null when the vendor names none.</summary>
    public string? PromptName { get; init; }
}
