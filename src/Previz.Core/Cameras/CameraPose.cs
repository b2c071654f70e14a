using System.Numerics;

namespace Previz.Core.Cameras;

/// <summary>Where a camera is and how it sees at one instant, for one frame aspect.</summary>
public sealed record CameraPose(Vector3 Position, Quaternion Rotation, float VerticalFovRadians, float Aspect, float Near, float Far, float FocalLengthMm)
{
    /// <summary>Camera-to-world (no scale).</summary>
    public Matrix4x4 World => Matrix4x4.CreateFromQuaternion(Rotation) * Matrix4x4.CreateTranslation(Position);

    /// <summary>World-to-camera.</summary>
    public Matrix4x4 View
    {
        get
        {
            Matrix4x4.Invert(World, out var view);
            return view;
        }
    }

    /// <summary>Right-handed perspective, camera looking down −Z; clip z in [0, 1].</summary>
    public Matrix4x4 Projection => Matrix4x4.CreatePerspectiveFieldOfView(VerticalFovRadians, Aspect, Near, Far);

    public Matrix4x4 ViewProjection => View * Projection;

    /// <summary>The direction the camera looks in (its −Z axis in world space).</summary>
    public Vector3 Forward => Vector3.Transform(-Vector3.UnitZ, Rotation);

    public Vector3 Up => Vector3.Transform(Vector3.UnitY, Rotation);

    public Vector3 Right => Vector3.Transform(Vector3.UnitX, Rotation);

    /// <summary>Pixel position (x right, y down, pixel centres at +0.5) of a world point, or null when behind the camera.</summary>
    public Vector2? ProjectToPixel(Vector3 world, int width, int height)
    {
        var clip = Vector4.Transform(new Vector4(world, 1f), ViewProjection);
        if (clip.W <= 1e-6f)
        {
            return null;
        }

        var ndcX = clip.X / clip.W;
        var ndcY = clip.Y / clip.W;
        return new Vector2((ndcX + 1f) * 0.5f * width, (1f - ndcY) * 0.5f * height);
    }
}
