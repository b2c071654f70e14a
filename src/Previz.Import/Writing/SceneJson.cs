using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Previz.Core.Animation;
using Previz.Core.Geometry;
using Previz.Core.Scenes;

namespace Previz.Import.Writing;

/// <summary>
/// A scene as a <c>previz-scene/1</c> document (docs/scene-format.md), written so <c>SceneReader</c> gives the same
/// scene back: rotations as quaternions rather than Euler angles, numbers at full precision, every key with its
/// interpolation. Keys the format cannot hold (glTF CUBICSPLINE, from imported files) are left out and listed by
/// <see cref="KeysLeftOut"/>, so the GLB's own channels carry them.
/// </summary>
internal static class SceneJson
{
    /// <summary>Where a mesh object's triangles are when the document does not name a file (they are in the GLB).</summary>
    public const string EmbeddedMesh = "embedded.glb";

    public static JsonObject Document(SceneDocument scene)
    {
        var doc = new JsonObject { ["format"] = "previz-scene/1", ["name"] = scene.Name };
        Optional(doc, "description", scene.Description);
        doc["environment"] = Environment(scene.Environment);
        if (Preset(scene.Style) is { } style)
        {
            doc["style"] = style;
        }

        if (Preset(scene.Lighting) is { } lighting)
        {
            doc["lighting"] = lighting;
        }

        doc["objects"] = new JsonArray([.. scene.Objects.Select(Object)]);
        doc["cameras"] = new JsonArray([.. scene.Cameras.Select(Camera)]);
        doc["shots"] = new JsonArray([.. scene.Shots.Select(Shot)]);
        return doc;
    }

    /// <summary>The transform tracks whose keys the format cannot hold: glTF paths (translation, rotation, scale).</summary>
    public static IReadOnlyList<string> KeysLeftOut(TransformAnimation animation)
    {
        var paths = new List<string>(3);
        if (HasCubic(animation.Position.Keys))
        {
            paths.Add("translation");
        }

        if (HasCubic(animation.Rotation.Keys))
        {
            paths.Add("rotation");
        }

        if (HasCubic(animation.Scale.Keys))
        {
            paths.Add("scale");
        }

        return paths;
    }

    private static JsonObject Environment(SceneEnvironment e)
    {
        var env = new JsonObject();
        Optional(env, "timeOfDay", e.TimeOfDay);
        env["sunDirection"] = Vector(e.SunDirection);
        env["sunIntensity"] = e.SunIntensity;
        env["ambient"] = e.Ambient;
        env["skyColor"] = e.SkyColor.ToHex();
        env["horizonColor"] = e.HorizonColor.ToHex();
        env["groundColor"] = e.GroundColor.ToHex();
        env["fog"] = new JsonObject { ["density"] = e.FogDensity, ["color"] = e.FogColor.ToHex() };
        return env;
    }

    private static JsonObject? Preset(PresetText preset)
    {
        if (preset.Preset is null && preset.Text is null)
        {
            return null;
        }

        var p = new JsonObject();
        Optional(p, "preset", preset.Preset);
        Optional(p, "text", preset.Text);
        return p;
    }

    private static JsonObject Object(SceneObject o)
    {
        var obj = new JsonObject { ["id"] = o.Id };
        Optional(obj, "name", o.Name);
        Optional(obj, "description", o.Description);
        if (o.Hero)
        {
            obj["hero"] = true;
        }

        obj["kind"] = o.Shape.ToString().ToLowerInvariant();
        if (o.Shape == ShapeKind.Mesh)
        {
            obj["mesh"] = o.MeshPath ?? EmbeddedMesh;
        }

        obj["size"] = Vector(o.Size);
        obj["transform"] = Transform(o.Transform, withScale: true);
        obj["color"] = o.Color.ToHex();
        Optional(obj, "parent", o.ParentId);
        if (o.References.Count > 0)
        {
            obj["references"] = new JsonArray([.. o.References.Select(r =>
            {
                var reference = new JsonObject { ["path"] = r.Path };
                Optional(reference, "view", r.View);
                return (JsonNode)reference;
            })]);
        }

        var animation = new JsonObject();
        Track(animation, "position", o.Animation.Position.Keys, Vector);
        Rotations(animation, o.Animation.Rotation.Keys);
        Track(animation, "scale", o.Animation.Scale.Keys, Vector);
        if (animation.Count > 0)
        {
            obj["animation"] = animation;
        }

        return obj;
    }

    private static JsonObject Camera(SceneCamera c)
    {
        var camera = new JsonObject { ["id"] = c.Id };
        Optional(camera, "name", c.Name);
        camera["transform"] = Transform(c.Transform, withScale: false);
        Optional(camera, "aimTarget", c.AimTargetId);
        Optional(camera, "parent", c.ParentId);
        var lens = new JsonObject();
        if (c.Lens.VerticalFovDegrees is { } fov)
        {
            lens["verticalFov"] = fov;
        }
        else
        {
            lens["focalLength"] = c.Lens.FocalLengthMm;
        }

        lens["sensor"] = new JsonArray(c.Lens.SensorWidthMm, c.Lens.SensorHeightMm);
        lens["sensorFit"] = c.Lens.SensorFit.ToString().ToLowerInvariant();
        camera["lens"] = lens;
        camera["near"] = c.Near;
        camera["far"] = c.Far;

        var animation = new JsonObject();
        Track(animation, "position", c.Animation.Transform.Position.Keys, Vector);
        Rotations(animation, c.Animation.Transform.Rotation.Keys);
        Track(animation, "focalLength", c.Animation.FocalLength.Keys, v => JsonValue.Create(v));
        if (!c.Animation.Aim.IsEmpty)
        {
            animation["aimTarget"] = new JsonArray([.. c.Animation.Aim.Keys.Select(k => (JsonNode)new JsonObject { ["time"] = k.Time, ["value"] = k.TargetId })]);
        }

        if (animation.Count > 0)
        {
            camera["animation"] = animation;
        }

        return camera;
    }

    private static JsonObject Shot(Shot s)
    {
        var shot = new JsonObject { ["id"] = s.Id };
        Optional(shot, "name", s.Name);
        Optional(shot, "description", s.Description);
        shot["cameraId"] = s.CameraId;
        if (s.FocalLengthMm is { } focal)
        {
            shot["focalLength"] = focal;
        }

        // Full precision: AspectRatio.ToString rounds to two decimals, which an imported 1.7778 would not survive.
        shot["aspect"] = string.Create(CultureInfo.InvariantCulture, $"{s.Aspect.Width:R}:{s.Aspect.Height:R}");
        shot["start"] = s.Start;
        shot["duration"] = s.Duration;
        shot["fps"] = s.Fps;
        return shot;
    }

    private static JsonObject Transform(Transform t, bool withScale)
    {
        var transform = new JsonObject
        {
            ["position"] = Vector(t.Position),
            ["quaternion"] = Quaternion(t.Rotation),
        };
        if (withScale)
        {
            transform["scale"] = Vector(t.Scale);
        }

        return transform;
    }

    private static void Track<T>(JsonObject animation, string name, IReadOnlyList<Keyframe<T>> keys, Func<T, JsonNode?> value)
        where T : struct
    {
        if (keys.Count == 0 || HasCubic(keys))
        {
            return;
        }

        animation[name] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject
        {
            ["time"] = k.Time,
            ["value"] = value(k.Value),
            ["interpolation"] = Interpolation(k.Interpolation),
        })]);
    }

    private static void Rotations(JsonObject animation, IReadOnlyList<Keyframe<Quaternion>> keys)
    {
        if (keys.Count == 0 || HasCubic(keys))
        {
            return;
        }

        animation["rotation"] = new JsonArray([.. keys.Select(k => (JsonNode)new JsonObject
        {
            ["time"] = k.Time,
            ["quaternion"] = Quaternion(k.Value),
            ["interpolation"] = Interpolation(k.Interpolation),
        })]);
    }

    private static bool HasCubic<T>(IReadOnlyList<Keyframe<T>> keys)
        where T : struct => keys.Any(k => k.Interpolation == Previz.Core.Animation.Interpolation.CubicSpline);

    private static string Interpolation(Interpolation interpolation) => interpolation.ToString().ToLowerInvariant();

    private static JsonArray Vector(Vector3 v) => new(v.X, v.Y, v.Z);

    private static JsonArray Quaternion(Quaternion q) => new(q.X, q.Y, q.Z, q.W);

    private static void Optional(JsonObject obj, string name, string? value)
    {
        if (value is not null)
        {
            obj[name] = value;
        }
    }
}
