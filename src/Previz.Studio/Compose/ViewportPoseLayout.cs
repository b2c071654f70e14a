namespace Previz.Studio.Compose;

/// <summary>How <see cref="ViewportPoseData.Floats"/> is laid out: objects in order, then cameras, each one pose or one per frame.</summary>
public sealed record ViewportPoseLayout(int Frames, double Fps, string ShotCameraId, float Aspect, IReadOnlyList<ViewportPoseEntry> Objects, IReadOnlyList<ViewportPoseEntry> Cameras);
