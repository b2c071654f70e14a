using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Cameras;
using Previz.Core.Scenes;

namespace Previz.Core.Tests.Motion;

/// <summary>Small scenes built in code with known camera and object moves.</summary>
internal static class MotionScenes
{
    public static Keyframe<Vector3> Key(double t, float x, float y, float z) => new(t, new Vector3(x, y, z), Interpolation.Linear);

    public static Keyframe<Quaternion> Yaw(double t, float degrees) =>
        new(t, EulerAngles.ToQuaternion(new Vector3(0, degrees, 0)), Interpolation.Linear);

    public static SceneDocument Scene(SceneCamera camera, double duration, params SceneObject[] objects) => new()
    {
        Name = "Test",
        Objects = objects,
        Cameras = [camera],
        Shots = [new Shot { Id = "shot", CameraId = camera.Id, Duration = duration }],
    };

    public static SceneCamera Camera(
        IReadOnlyList<Keyframe<Vector3>>? position = null,
        IReadOnlyList<Keyframe<Quaternion>>? rotation = null,
        IReadOnlyList<Keyframe<float>>? focal = null,
        string? aim = null,
        Vector3? rest = null) => new()
        {
            Id = "cam",
            AimTargetId = aim,
            Transform = Transform.Identity with { Position = rest ?? new Vector3(0, 1.6f, 0) },
            Animation = new CameraAnimation(
            new TransformAnimation(new Vector3Track(position ?? []), new QuaternionTrack(rotation ?? []), new Vector3Track([])),
            new ScalarTrack(focal ?? []),
            new AimTrack([])),
        };

    public static SceneObject Mover(string id, IReadOnlyList<Keyframe<Vector3>> position, bool hero = true, Vector3? rest = null) => new()
    {
        Id = id,
        Name = id,
        Hero = hero,
        Transform = Transform.Identity with { Position = rest ?? position[0].Value },
        Animation = new TransformAnimation(new Vector3Track(position), new QuaternionTrack([]), new Vector3Track([])),
    };

    public static SceneObject Still(string id, Vector3 position, bool hero = true) => new()
    {
        Id = id,
        Name = id,
        Hero = hero,
        Transform = Transform.Identity with { Position = position },
    };
}
