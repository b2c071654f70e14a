using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Previz.Core.Animation;
using Previz.Core.Sampling;
using Previz.Core.Scenes;

namespace Previz.Studio.Compose;

/// <summary>
/// Builds the scene edit operations the compose tools send (the JSON form of Core's <c>SceneEdit</c>, see
/// docs/studio.md). A move of something whose track already has keys becomes a key at the playhead, so the animation
/// is edited rather than silently overridden by its keys; a track with no keys moves the rest transform.
/// </summary>
public static class ComposeOps
{
    /// <summary>The target's local transform (relative to its parent) at a scene time, as the sampler sees it.</summary>
    public static Transform LocalAt(SceneDocument scene, ComposeTarget target, double time)
    {
        if (target.Kind == ComposeTargetKind.Camera)
        {
            var camera = scene.FindCamera(target.Id) ?? throw new ArgumentException($"No camera \"{target.Id}\".", nameof(target));
            var local = camera.Animation.Transform.Sample(time, camera.Transform);
            return local with { Scale = Vector3.One };
        }

        var obj = scene.FindObject(target.Id) ?? throw new ArgumentException($"No object \"{target.Id}\".", nameof(target));
        return obj.Animation.Sample(time, obj.Transform);
    }

    /// <summary>The local transform that puts the target at <paramref name="world"/> given its parent at that time.</summary>
    public static Transform LocalFromWorld(SceneDocument scene, ComposeTarget target, Matrix4x4 world, double time)
    {
        var parentId = target.Kind == ComposeTargetKind.Camera ? scene.FindCamera(target.Id)?.ParentId : scene.FindObject(target.Id)?.ParentId;
        var local = world;
        if (parentId is not null && scene.FindObject(parentId) is not null && Matrix4x4.Invert(new PoseSampler(scene).ObjectWorld(parentId, time), out var inverse))
        {
            local = world * inverse;
        }

        if (!Matrix4x4.Decompose(local, out var scale, out var rotation, out var position))
        {
            // A degenerate matrix (a scale of zero): keep the translation, drop what cannot be read back.
            return new Transform(local.Translation, Quaternion.Identity, Vector3.One);
        }

        return new Transform(position, Quaternion.Normalize(rotation), target.Kind == ComposeTargetKind.Camera ? Vector3.One : scale);
    }

    /// <summary>Puts the target at <paramref name="local"/> at scene time <paramref name="time"/> of shot <paramref name="shotId"/>.</summary>
    public static IReadOnlyList<JsonObject> MoveTo(SceneDocument scene, ComposeTarget target, Transform local, double time, string shotId)
    {
        var (rest, animation) = TracksOf(scene, target);
        var current = LocalAt(scene, target, time);
        var camera = target.Kind == ComposeTargetKind.Camera;
        var ops = new List<JsonObject>();
        var newRest = rest;
        if (local.Position != current.Position)
        {
            if (animation.Position.IsEmpty)
            {
                newRest = newRest with { Position = local.Position };
            }
            else
            {
                ops.Add(SetKey(target, "position", time, Vector(local.Position), shotId));
            }
        }

        if (!SameRotation(local.Rotation, current.Rotation))
        {
            if (animation.Rotation.IsEmpty)
            {
                newRest = newRest with { Rotation = local.Rotation };
            }
            else
            {
                ops.Add(SetRotationKey(target, time, local.Rotation, shotId));
            }
        }

        if (!camera && local.Scale != current.Scale)
        {
            if (animation.Scale.IsEmpty)
            {
                newRest = newRest with { Scale = local.Scale };
            }
            else
            {
                ops.Add(SetKey(target, "scale", time, Vector(local.Scale), shotId));
            }
        }

        if (newRest != rest)
        {
            ops.Insert(0, SetTransform(target, newRest));
        }

        return ops;
    }

    /// <summary>"Key": the target's position and rotation as they are at the playhead, keyed there (scale too when it has keys or is not one).</summary>
    public static IReadOnlyList<JsonObject> KeyHere(SceneDocument scene, ComposeTarget target, double time, string shotId)
    {
        var (_, animation) = TracksOf(scene, target);
        var current = LocalAt(scene, target, time);
        var ops = new List<JsonObject>
        {
            SetKey(target, "position", time, Vector(current.Position), shotId),
            SetRotationKey(target, time, current.Rotation, shotId),
        };
        if (target.Kind == ComposeTargetKind.SceneObject && (!animation.Scale.IsEmpty || current.Scale != Vector3.One))
        {
            ops.Add(SetKey(target, "scale", time, Vector(current.Scale), shotId));
        }

        return ops;
    }

    public static JsonObject SetTransform(ComposeTarget target, Transform rest)
    {
        var op = Op("setTransform", target);
        op["position"] = Vector(rest.Position);
        op["quaternion"] = QuaternionArray(rest.Rotation);
        if (target.Kind == ComposeTargetKind.SceneObject)
        {
            op["scale"] = Vector(rest.Scale);
        }

        return op;
    }

    public static JsonObject SetKey(ComposeTarget target, string track, double time, JsonNode value, string? shotId, string? interpolation = null)
    {
        var key = new JsonObject { ["time"] = Round(time), ["value"] = value };
        if (interpolation is not null)
        {
            key["interpolation"] = interpolation;
        }

        return WithShot(Track(Op("setKey", target), track, key), shotId);
    }

    public static JsonObject SetRotationKey(ComposeTarget target, double time, Quaternion rotation, string? shotId)
    {
        var key = new JsonObject { ["time"] = Round(time), ["quaternion"] = QuaternionArray(rotation) };
        return WithShot(Track(Op("setKey", target), "rotation", key), shotId);
    }

    public static JsonObject DeleteKey(ComposeTarget target, string track, double time)
    {
        var op = Op("deleteKey", target);
        op["track"] = track;
        op["time"] = time;
        return op;
    }

    public static JsonObject MoveKey(ComposeTarget target, string track, double time, double to)
    {
        var op = Op("moveKey", target);
        op["track"] = track;
        op["time"] = time;
        op["to"] = Round(to);
        return op;
    }

    public static JsonObject SetKeyInterpolation(ComposeTarget target, string track, double time, string interpolation)
    {
        var op = Op("setKeyInterpolation", target);
        op["track"] = track;
        op["time"] = time;
        op["interpolation"] = interpolation;
        return op;
    }

    /// <summary>The interpolation's name in the scene format.</summary>
    public static string Name(Interpolation interpolation) => interpolation switch
    {
        Interpolation.Linear => "linear",
        Interpolation.Step => "step",
        Interpolation.CubicSpline => "cubicspline",
        _ => "smooth",
    };

    public static JsonArray Vector(Vector3 v) => [Round(v.X), Round(v.Y), Round(v.Z)];

    public static string Hex(ColorRgb color) => string.Create(
        CultureInfo.InvariantCulture,
        $"#{Channel(color.R):x2}{Channel(color.G):x2}{Channel(color.B):x2}");

    /// <summary>A free id: <paramref name="stem"/>, else stem-2, stem-3 … not in <paramref name="taken"/>.</summary>
    public static string FreeId(string stem, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        if (!used.Contains(stem))
        {
            return stem;
        }

        for (var n = 2; ; n++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
            if (!used.Contains(id))
            {
                return id;
            }
        }
    }

    private static int Channel(float value) => (int)MathF.Round(Math.Clamp(value, 0f, 1f) * 255f);

    private static (Transform RestTransform, TransformAnimation Animation) TracksOf(SceneDocument scene, ComposeTarget target)
    {
        if (target.Kind == ComposeTargetKind.Camera)
        {
            var camera = scene.FindCamera(target.Id) ?? throw new ArgumentException($"No camera \"{target.Id}\".", nameof(target));
            return (camera.Transform with { Scale = Vector3.One }, camera.Animation.Transform);
        }

        var obj = scene.FindObject(target.Id) ?? throw new ArgumentException($"No object \"{target.Id}\".", nameof(target));
        return (obj.Transform, obj.Animation);
    }

    private static bool SameRotation(Quaternion a, Quaternion b) => MathF.Abs(Quaternion.Dot(Quaternion.Normalize(a), Quaternion.Normalize(b))) > 0.9999999f;

    private static JsonObject Op(string name, ComposeTarget target)
    {
        var op = new JsonObject { ["op"] = name };
        op[target.Kind == ComposeTargetKind.Camera ? "cameraId" : "objectId"] = target.Id;
        return op;
    }

    private static JsonObject Track(JsonObject op, string track, JsonObject key)
    {
        op["track"] = track;
        op["key"] = key;
        return op;
    }

    private static JsonObject WithShot(JsonObject op, string? shotId)
    {
        if (shotId is not null)
        {
            op["withinShot"] = shotId;
        }

        return op;
    }

    private static JsonArray QuaternionArray(Quaternion q)
    {
        var n = Quaternion.Normalize(q);
        return [Round(n.X, 7), Round(n.Y, 7), Round(n.Z, 7), Round(n.W, 7)];
    }

    /// <summary>Values as a person would type them: no float noise such as 0.30000001.</summary>
    private static double Round(double value, int digits = 5) => Math.Round(value, digits);
}
