namespace Previz.Studio.Compose;

/// <summary>One object or camera in the pose data: its id, and whether it sends a pose per frame (it moves in the shot).</summary>
public sealed record ViewportPoseEntry(string Id, bool Animated);
