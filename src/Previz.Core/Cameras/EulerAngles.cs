using System.Numerics;

namespace Previz.Core.Cameras;

/// <summary>Euler angles in degrees, applied X then Y then Z about the parent's axes (Blender's "XYZ" order).</summary>
public static class EulerAngles
{
    public static Quaternion ToQuaternion(Vector3 degrees)
    {
        const float toRadians = MathF.PI / 180f;
        var qx = Quaternion.CreateFromAxisAngle(Vector3.UnitX, degrees.X * toRadians);
        var qy = Quaternion.CreateFromAxisAngle(Vector3.UnitY, degrees.Y * toRadians);
        var qz = Quaternion.CreateFromAxisAngle(Vector3.UnitZ, degrees.Z * toRadians);
        // The Hamilton product q1 * q2 rotates by q2 first, so this applies X, then Y, then Z.
        return Quaternion.Normalize(qz * qy * qx);
    }
}
