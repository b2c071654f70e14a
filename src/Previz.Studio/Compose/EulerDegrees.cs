using System.Numerics;
using Previz.Core.Cameras;

namespace Previz.Studio.Compose;

/// <summary>
/// Rotations as the studio's fields show them: Euler degrees in the scene format's order (X, then Y, then Z about the
/// parent's axes; <see cref="EulerAngles.ToQuaternion"/> is the other direction).
/// </summary>
public static class EulerDegrees
{
    private const float ToDegrees = 180f / MathF.PI;

    public static Vector3 FromQuaternion(Quaternion rotation)
    {
        var q = Quaternion.Normalize(rotation);
        // The rotation matrix R = Rz · Ry · Rx (column vectors), read back from its entries.
        var r20 = 2 * ((q.X * q.Z) - (q.Y * q.W));
        var r21 = 2 * ((q.Y * q.Z) + (q.X * q.W));
        var r22 = 1 - (2 * ((q.X * q.X) + (q.Y * q.Y)));
        var r10 = 2 * ((q.X * q.Y) + (q.Z * q.W));
        var r00 = 1 - (2 * ((q.Y * q.Y) + (q.Z * q.Z)));
        var sinY = Math.Clamp(-r20, -1f, 1f);
        if (MathF.Abs(sinY) > 0.99999f)
        {
            // Gimbal lock: Y is ±90°, and only X − Z (or X + Z) is defined; put it all in X.
            var r11 = 1 - (2 * ((q.X * q.X) + (q.Z * q.Z)));
            var r12 = 2 * ((q.Y * q.Z) - (q.X * q.W));
            return new Vector3(MathF.Atan2(-r12, r11), MathF.Asin(sinY), 0) * ToDegrees;
        }

        return new Vector3(MathF.Atan2(r21, r22), MathF.Asin(sinY), MathF.Atan2(r10, r00)) * ToDegrees;
    }
}
