using System.Numerics;
using System.Text.Json;
using Previz.Core.Animation;
using Previz.Core.Characters;
using Previz.Core.Geometry;
using Previz.Core.Scenes;

namespace Previz.Core.Loading;

/// <summary>Reads one entry of <c>objects</c>.</summary>
internal static class ObjectReader
{
    private static readonly Dictionary<string, ShapeKind> Kinds = new(StringComparer.Ordinal)
    {
        ["box"] = ShapeKind.Box,
        ["sphere"] = ShapeKind.Sphere,
        ["cylinder"] = ShapeKind.Cylinder,
        ["cone"] = ShapeKind.Cone,
        ["plane"] = ShapeKind.Plane,
        ["capsule"] = ShapeKind.Capsule,
        ["person"] = ShapeKind.Person,
        ["mesh"] = ShapeKind.Mesh,
    };

    private static readonly HashSet<string> Views = new(StringComparer.Ordinal) { "front", "side", "back", "three-quarter", "top", "detail" };

    public static SceneObject Read(JsonElement element, string path, ProblemCollector problems)
    {
        var f = JsonFields.Open(element, path, problems);
        if (f is null)
        {
            // A placeholder keeps later entries at their own index, so their paths stay right.
            return new SceneObject { Id = string.Empty };
        }

        var id = f.String("id", required: true);
        var kindText = f.String("kind") ?? "box";
        if (!Kinds.TryGetValue(kindText, out var kind))
        {
            problems.Error(f.Child("kind"), $"\"{JsonFields.Clip(kindText)}\" is not a kind; use {string.Join(", ", Kinds.Keys)}");
        }

        var meshPath = f.String("mesh");
        if (kind == ShapeKind.Mesh && meshPath is null)
        {
            problems.Error(f.Child("mesh"), "is required when kind is \"mesh\" (a .glb or .gltf file relative to the scene)");
        }
        else if (meshPath is not null && kind != ShapeKind.Mesh && f.Has("kind"))
        {
            problems.Error(f.Child("mesh"), $"only objects of kind \"mesh\" take a mesh file (this one is \"{kindText}\")");
        }
        else if (meshPath is not null)
        {
            kind = ShapeKind.Mesh;
        }

        if (meshPath is not null && ScenePaths.Check(meshPath) is { } meshProblem)
        {
            problems.Error(f.Child("mesh"), meshProblem);
        }

        var size = f.Vector("size") ?? (kind == ShapeKind.Person ? PrimitiveMeshes.PersonSize : Vector3.One);
        if (size.X < 0 || size.Y < 0 || size.Z < 0 || (kind != ShapeKind.Plane && (size.X == 0 || size.Y == 0 || size.Z == 0)))
        {
            problems.Error(f.Child("size"), "sizes must be positive (a plane may be 0 tall)");
        }

        var obj = new SceneObject
        {
            Id = id ?? string.Empty,
            Name = f.String("name"),
            Description = f.String("description"),
            Hero = f.Boolean("hero") ?? false,
            Shape = kind,
            Size = size,
            MeshPath = meshPath,
            Transform = TransformReader.Read(f, problems),
            Color = f.Color("color") ?? new ColorRgb(0.7f, 0.7f, 0.7f),
            ParentId = f.String("parent"),
            References = ReadReferences(f, problems),
            Animation = ReadAnimation(f, problems),
            Action = ReadAction(f, kind, problems),
        };
        f.WarnUnknownFields();
        return obj;
    }

    private static List<ImageReference> ReadReferences(JsonFields f, ProblemCollector problems)
    {
        var references = new List<ImageReference>();
        foreach (var (element, path) in f.Array("references"))
        {
            var r = JsonFields.Open(element, path, problems);
            if (r is null)
            {
                continue;
            }

            var file = r.String("path", required: true);
            var view = r.String("view");
            if (view is not null && !Views.Contains(view))
            {
                problems.Error(r.Child("view"), $"\"{JsonFields.Clip(view)}\" is not a view; use {string.Join(", ", Views)}");
            }

            if (file is not null && ScenePaths.Check(file) is { } problem)
            {
                problems.Error(r.Child("path"), problem);
                file = null;
            }

            r.WarnUnknownFields();
            if (file is not null)
            {
                references.Add(new ImageReference(file, view));
            }
        }

        return references;
    }

    /// <summary>
    /// <c>"action": { "clip": "walk", "start": 1, "speed": 1, "loop": true }</c>: which clip of its file a mesh plays.
    /// Whether the clip exists is checked by <see cref="SceneRules"/> when the reader is told the file's clips
    /// (<see cref="SceneReadOptions.MeshClips"/>), else once the file is loaded (<c>SceneMeshResolver</c>).
    /// </summary>
    private static ClipAction? ReadAction(JsonFields f, ShapeKind kind, ProblemCollector problems)
    {
        var a = f.Object("action");
        if (a is null)
        {
            return null;
        }

        if (kind != ShapeKind.Mesh)
        {
            problems.Error(a.Path, "only objects of kind \"mesh\" play a clip of their file");
        }

        var clip = a.String("clip", required: true);
        if (clip is { Length: 0 })
        {
            problems.Error(a.Child("clip"), "is empty: name a clip (an animation) of the mesh file");
        }
        var action = new ClipAction(
            clip ?? string.Empty,
            a.Number("start", min: 0) ?? 0,
            a.Number("speed", min: 0, exclusiveMin: true) ?? 1,
            a.Boolean("loop") ?? true);
        a.WarnUnknownFields();
        return clip is null ? null : action;
    }

    private static TransformAnimation ReadAnimation(JsonFields f, ProblemCollector problems)
    {
        var a = f.Object("animation");
        if (a is null)
        {
            return TransformAnimation.None;
        }

        var animation = new TransformAnimation(
            KeyframeReader.Vectors(a, "position", problems),
            KeyframeReader.Rotations(a, "rotation", problems),
            KeyframeReader.Vectors(a, "scale", problems, nonZero: true));
        a.WarnUnknownFields();
        return animation;
    }
}
