namespace Previz.Studio.Planning;

/// <summary>A Direct Render still of a shot: <paramref name="Time"/> seconds into it, a pass and a resolution.</summary>
/// <param name="Pass">wireframe, shaded (default) or depth.</param>
/// <param name="Resolution">1k (default) or 2k.</param>
public sealed record StillRequest(Guid SceneId, string ShotId, double Time, string? Pass, string? Resolution);
