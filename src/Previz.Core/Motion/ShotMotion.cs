using Previz.Core.Scenes;

namespace Previz.Core.Motion;

/// <summary>Everything that moves in a shot: the camera and the subjects.</summary>
public sealed record ShotMotion(Shot Shot, CameraMotion Camera, IReadOnlyList<SubjectMotion> Subjects)
{
    public bool IsStatic => Camera.IsLockedOff && Subjects.Count == 0;
}
