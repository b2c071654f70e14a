namespace Previz.Studio.Compose;

/// <summary>
/// How <see cref="ViewportPoseData.Floats"/> is laid out: objects in order, then cameras, then deforming meshes (joint
/// matrices, then morph weights), each one pose or one per frame.
/// </summary>
public sealed record ViewportPoseLayout(
    int Frames,
    double Fps,
    string ShotCameraId,
    float Aspect,
    IReadOnlyList<ViewportPoseEntry> Objects,
    IReadOnlyList<ViewportPoseEntry> Cameras,
    IReadOnlyList<ViewportDeformEntry> Deforms);
