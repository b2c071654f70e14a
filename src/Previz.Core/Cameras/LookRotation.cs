using System.Numerics;

namespace Previz.Core.Cameras;

/// <summary>Rotations that point a camera's −Z axis at a target with +Y kept up.</summary>
public static class LookRotation
{
    public static Quaternion Towards(Vector3 from, Vector3 to)
    {
        var forward = to - from;
        if (forward.LengthSquared() < 1e-12f)
        {
            return Quaternion.Identity;
        }

        forward = Vector3.Normalize(forward);
        var back = -forward;
        // Looking straight up or down: fall back to −Z as "up" so the basis stays defined.
        var up = MathF.Abs(Vector3.Dot(forward, Vector3.UnitY)) > 0.9999f ? -Vector3.UnitZ * MathF.Sign(forward.Y) : Vector3.UnitY;
        var right = Vector3.Normalize(Vector3.Cross(up, back));
        var trueUp = Vector3.Cross(back, right);
        var basis = new Matrix4x4(
            right.X, right.Y, right.Z, 0,
            trueUp.X, trueUp.Y, trueUp.Z, 0,
            back.X, back.Y, back.Z, 0,
            0, 0, 0, 1);
        return Quaternion.Normalize(Quaternion.CreateFromRotationMatrix(basis));
    }
}
