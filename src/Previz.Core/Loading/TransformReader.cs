using System.Numerics;
using Previz.Core.Cameras;
using Previz.Core.Scenes;

namespace Previz.Core.Loading;

/// <summary>Reads <c>transform</c>: position, rotation (Euler degrees XYZ) or quaternion [x, y, z, w], scale.</summary>
internal static class TransformReader
{
    public static Transform Read(JsonFields owner, ProblemCollector problems)
    {
        var fields = owner.Object("transform");
        if (fields is null)
        {
            return Transform.Identity;
        }

        var position = fields.Vector("position") ?? Vector3.Zero;
        var rotation = ReadRotation(fields, problems) ?? Quaternion.Identity;
        var scale = ReadScale(fields, problems) ?? Vector3.One;
        fields.WarnUnknownFields();
        return new Transform(position, rotation, scale);
    }

    /// <summary>Reads either <c>rotation</c> (Euler degrees) or <c>quaternion</c> from an object; never both.</summary>
    public static Quaternion? ReadRotation(JsonFields fields, ProblemCollector problems)
    {
        var euler = fields.Raw("rotation");
        var quaternion = fields.Raw("quaternion");
        if (euler is not null && quaternion is not null)
        {
            problems.Error(fields.Path, "give either rotation (Euler degrees) or quaternion, not both");
            return null;
        }

        if (euler is not null)
        {
            var degrees = JsonFields.ReadVector3(euler.Value, fields.Child("rotation"), problems);
            return degrees is null ? null : EulerAngles.ToQuaternion(degrees.Value);
        }

        if (quaternion is not null)
        {
            var path = fields.Child("quaternion");
            var q = JsonFields.ReadNumbers(quaternion.Value, path, problems, 4);
            if (q is null)
            {
                return null;
            }

            var value = new Quaternion((float)q[0], (float)q[1], (float)q[2], (float)q[3]);
            var length = value.Length();
            if (!float.IsFinite(length) || length < 1e-6f)
            {
                problems.Error(path, "quaternion must have a non-zero, finite length");
                return null;
            }

            return Quaternion.Normalize(value);
        }

        return null;
    }

    private static Vector3? ReadScale(JsonFields fields, ProblemCollector problems)
    {
        var raw = fields.Raw("scale");
        if (raw is null)
        {
            return null;
        }

        var path = fields.Child("scale");
        Vector3? scale;
        if (raw.Value.ValueKind == System.Text.Json.JsonValueKind.Number)
        {
            var s = JsonFields.ReadNumber(raw.Value, path, problems);
            scale = s is null ? null : new Vector3((float)s.Value);
        }
        else
        {
            scale = JsonFields.ReadVector3(raw.Value, path, problems);
        }

        if (scale is { } v && (v.X == 0 || v.Y == 0 || v.Z == 0))
        {
            problems.Error(path, "scale must not be zero on any axis");
            return null;
        }

        return scale;
    }
}
