using System.Numerics;
using System.Text.Json;
using Previz.Core.Animation;
using Previz.Core.Cameras;

namespace Previz.Core.Loading;

/// <summary>Reads keyframe lists: <c>[{ "time": 1.5, "value": …, "interpolation": "smooth" }]</c>, times increasing.</summary>
internal static class KeyframeReader
{
    public static Vector3Track Vectors(JsonFields owner, string name, ProblemCollector problems, bool nonZero = false) =>
        new(Read<Vector3>(owner, name, problems, (f, p) =>
        {
            var raw = f.Raw("value");
            if (raw is null)
            {
                problems.Error(f.Child("value"), "is required");
                return null;
            }

            var v = JsonFields.ReadVector3(raw.Value, f.Child("value"), problems);
            if (nonZero && v is { } s && (s.X == 0 || s.Y == 0 || s.Z == 0))
            {
                problems.Error(f.Child("value"), "scale must not be zero on any axis");
                return null;
            }

            return v;
        }));

    public static QuaternionTrack Rotations(JsonFields owner, string name, ProblemCollector problems)
    {
        Vector3? previousEuler = null;
        return new(Read<Quaternion>(owner, name, problems, (f, p) =>
        {
            // A rotation key holds Euler degrees in "value" or a quaternion in "quaternion".
            var euler = f.Raw("value");
            var quaternion = f.Raw("quaternion");
            if (euler is null && quaternion is null)
            {
                problems.Error(f.Child("value"), "is required (Euler degrees), or give quaternion");
                return null;
            }

            if (euler is not null && quaternion is not null)
            {
                problems.Error(p, "give either value (Euler degrees) or quaternion, not both");
                return null;
            }

            if (euler is not null)
            {
                var degrees = JsonFields.ReadVector3(euler.Value, f.Child("value"), problems);
                if (degrees is { } d && previousEuler is { } before)
                {
                    // Keys interpolate along the shortest arc, so a half turn or more between keys would spin the
                    // other way (or not at all): say so rather than surprise the user.
                    var step = Vector3.Abs(d - before);
                    if (MathF.Max(step.X, MathF.Max(step.Y, step.Z)) >= 180f)
                    {
                        problems.Warning(f.Child("value"), "rotation changes by 180° or more since the previous key; rotations take the shortest way round, so add a key at least every 179°");
                    }
                }

                previousEuler = degrees;
                return degrees is null ? null : EulerAngles.ToQuaternion(degrees.Value);
            }

            previousEuler = null;
            var q = JsonFields.ReadNumbers(quaternion!.Value, f.Child("quaternion"), problems, 4);
            if (q is null)
            {
                return null;
            }

            var value = new Quaternion((float)q[0], (float)q[1], (float)q[2], (float)q[3]);
            if (!(value.Length() > 1e-6f) || !float.IsFinite(value.Length()))
            {
                problems.Error(f.Child("quaternion"), "quaternion must have a non-zero, finite length");
                return null;
            }

            return Quaternion.Normalize(value);
        }));
    }

    public static ScalarTrack Scalars(JsonFields owner, string name, ProblemCollector problems, double min, double max) =>
        new(Read<float>(owner, name, problems, (f, p) =>
        {
            var v = f.Number("value", min, max, required: true);
            return v is null ? null : (float?)v.Value;
        }));

    public static AimTrack Aims(JsonFields owner, string name, ProblemCollector problems)
    {
        var keys = new List<(double, string?)>();
        var previous = double.NegativeInfinity;
        foreach (var (element, path) in owner.Array(name))
        {
            var f = JsonFields.Open(element, path, problems);
            if (f is null)
            {
                continue;
            }

            var time = f.Number("time", required: true);
            // "value": an object id, or null to stop aiming.
            var raw = f.RawOrNull("value");
            string? target = null;
            if (raw is { ValueKind: JsonValueKind.String } s)
            {
                target = s.GetString();
            }
            else if (raw is not null && raw.Value.ValueKind != JsonValueKind.Null)
            {
                problems.Error(f.Child("value"), $"expected an object id or null, found {JsonFields.Describe(raw.Value)}");
            }

            f.WarnUnknownFields();
            if (time is { } t)
            {
                if (t <= previous)
                {
                    problems.Error(f.Child("time"), $"keys out of order: {t} s is not after the previous key at {previous} s");
                }

                previous = Math.Max(previous, t);
                keys.Add((t, target));
            }
        }

        return new AimTrack(keys);
    }

    private static List<Keyframe<T>> Read<T>(JsonFields owner, string name, ProblemCollector problems, Func<JsonFields, string, T?> readValue)
        where T : struct
    {
        var keys = new List<Keyframe<T>>();
        var previous = double.NegativeInfinity;
        foreach (var (element, path) in owner.Array(name))
        {
            var f = JsonFields.Open(element, path, problems);
            if (f is null)
            {
                continue;
            }

            var time = f.Number("time", required: true);
            var interpolation = ReadInterpolation(f, problems);
            var value = readValue(f, path);
            f.WarnUnknownFields();
            if (time is not { } t)
            {
                continue;
            }

            if (t <= previous)
            {
                problems.Error(f.Child("time"), $"keys out of order: {t} s is not after the previous key at {previous} s");
            }

            previous = Math.Max(previous, t);
            if (value is { } v)
            {
                keys.Add(new Keyframe<T>(t, v, interpolation));
            }
        }

        keys.Sort((a, b) => a.Time.CompareTo(b.Time));
        return keys;
    }

    private static Interpolation ReadInterpolation(JsonFields f, ProblemCollector problems)
    {
        var text = f.String("interpolation");
        switch (text)
        {
            case null or "smooth":
                return Interpolation.Smooth;
            case "linear":
                return Interpolation.Linear;
            case "step":
                return Interpolation.Step;
            default:
                problems.Error(f.Child("interpolation"), $"\"{JsonFields.Clip(text)}\" is not an interpolation; use smooth, linear or step");
                return Interpolation.Smooth;
        }
    }
}
