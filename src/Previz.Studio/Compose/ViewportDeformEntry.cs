namespace Previz.Studio.Compose;

/// <summary>
/// One object whose mesh deforms, in the pose data: its id, how many joint matrices (the skin's joints, in order) and
/// morph weights each of its poses holds, and whether it sends a pose per frame (a clip plays in the shot).
/// </summary>
public sealed record ViewportDeformEntry(string Id, int Joints, int Morphs, bool Animated);
