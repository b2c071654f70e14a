using System.Numerics;

namespace Previz.Core.Scenes;

/// <summary>Position (m), rotation and scale relative to the parent, applied scale → rotate → translate (glTF TRS).</summary>
public readonly record struct Transform(Vector3 Position, Quaternion Rotation, Vector3 Scale)
{
    public static Transform Identity { get; } = new(Vector3.Zero, Quaternion.Identity, Vector3.One);

    public Matrix4x4 ToMatrix() =>
        Matrix4x4.CreateScale(Scale) * Matrix4x4.CreateFromQuaternion(Rotation) * Matrix4x4.CreateTranslation(Position);
}
