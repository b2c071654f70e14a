namespace Previz.Studio.Api;

/// <summary>What a new review link shows: the sequence of a scene (any version of it) or one gallery item.</summary>
public sealed record ReviewLinkBody(Guid? SceneId, Guid? GalleryItemId);
