namespace Previz.Core.Catalog;

/// <summary>
/// How a model takes pictures of the objects (not frames): the most it takes, the request field, and the endpoint
/// when references go to a different endpoint than plain image-to-video.
/// </summary>
public sealed record ReferenceImageSupport(int MaxCount, string Field, string? Endpoint = null, string? Note = null);
