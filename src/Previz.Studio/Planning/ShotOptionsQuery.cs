namespace Previz.Studio.Planning;

/// <summary>Which model and mode to list a shot's options for.</summary>
public sealed record ShotOptionsQuery(Guid SceneId, string ShotId, string? Mode, string ModelId);
