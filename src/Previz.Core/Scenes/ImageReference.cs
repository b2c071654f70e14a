namespace Previz.Core.Scenes;

/// <summary>A picture of what an object really looks like, relative to the scene file, with an optional view label.</summary>
public sealed record ImageReference(string Path, string? View);
