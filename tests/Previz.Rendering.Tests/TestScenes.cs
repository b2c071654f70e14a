using System.Numerics;
using Previz.Core.Cameras;
using Previz.Core.Geometry;
using Previz.Core.Scenes;

namespace Previz.Rendering.Tests;

/// <summary>Small scenes built in code: a camera at (0, 0, 10) looking down −Z with a 50 mm lens, 16:9.</summary>
internal static class TestScenes
{
    public static readonly Vector3 CameraPosition = new(0, 0, 10);

    public static SceneObject Box(string id, Vector3 position, Vector3 size, string colour, Quaternion? rotation = null) => new()
    {
        Id = id,
        Shape = ShapeKind.Box,
        Size = size,
        Transform = new Transform(position, rotation ?? Quaternion.Identity, Vector3.One),
        Color = ColorRgb.FromHex(colour),
    };

    public static SceneObject Shape(string id, ShapeKind shape, Vector3 position, Vector3 size, string colour, Quaternion? rotation = null) =>
        Box(id, position, size, colour, rotation) with { Shape = shape };

    public static SceneDocument Scene(IEnumerable<SceneObject> objects, SceneEnvironment? environment = null, Vector3? cameraPosition = null,
        Quaternion? cameraRotation = null, double fps = 24, double duration = 1, string aspect = "16:9") => new()
        {
            Name = "test",
            Environment = environment ?? SceneEnvironment.Default,
            Objects = [.. objects],
            Cameras =
        [
            new SceneCamera
            {
                Id = "cam",
                Transform = new Transform(cameraPosition ?? CameraPosition, cameraRotation ?? Quaternion.Identity, Vector3.One),
                Lens = new Lens { FocalLengthMm = 50 },
            },
        ],
            Shots = [new Shot { Id = "shot", CameraId = "cam", Fps = fps, Duration = duration, Aspect = AspectRatio.TryParse(aspect, out var a) ? a : throw new ArgumentException(aspect) }],
        };

    public static Quaternion Euler(float x, float y, float z) => EulerAngles.ToQuaternion(new Vector3(x, y, z));
}
