using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Geometry;
using Previz.Core.Scenes;
using SharpGLTF.Schema2;
using PrevizMesh = Previz.Core.Geometry.Mesh;

namespace Previz.Import.Reading;

/// <summary>
/// Builds the scene from a loaded glTF model: the default scene's node tree becomes objects (mesh nodes, and
/// mesh-less nodes that carry meshes or cameras below them as objects with an empty mesh, so parents move their
/// children as in the file) and cameras; one shot per camera spans all animations.
/// </summary>
internal static class SceneAssembler
{
    public const double Fps = 24.0;

    private static readonly PrevizMesh EmptyMesh = new([], []);

    public static GltfImport Assemble(ModelRoot model, string sceneName, Dictionary<int, NodeTracks> tracks, List<GltfAnimationInfo> animations, List<ClipTracks> clips, string fileName)
    {
        var order = PreOrder(model);
        var inScene = order.Select(n => n.LogicalIndex).ToHashSet();
        var deformations = new DeformationReader(model, clips, tracks, inScene, fileName);
        var notes = new FileNotes();
        var needed = new bool[model.LogicalNodes.Count];
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            needed[node.LogicalIndex] |= node.Mesh is not null || node.Camera?.Settings is CameraPerspective;
            if (needed[node.LogicalIndex] && node.VisualParent is { } parent)
            {
                needed[parent.LogicalIndex] = true;
            }
        }

        var ids = new IdAllocator();
        var colours = new MaterialColors();
        var meshes = new Dictionary<int, MeshData>();
        var objectIdOf = new Dictionary<int, string>();
        var objects = new List<SceneObject>();
        var cameras = new List<SceneCamera>();
        var aspects = new Dictionary<string, float?>(StringComparer.Ordinal);
        var infos = new List<GltfNodeInfo>(model.LogicalNodes.Count);
        var characters = new List<GltfCharacterInfo>();
        foreach (var node in order)
        {
            var index = node.LogicalIndex;
            var parentIndex = node.VisualParent?.LogicalIndex;
            var parentId = parentIndex is { } p && objectIdOf.TryGetValue(p, out var pid) ? pid : null;
            var transform = TransformOf(node);
            var animation = tracks.TryGetValue(index, out var t) ? t.ToAnimation() : TransformAnimation.None;
            var hasNeededChildren = node.VisualChildren.Any(c => needed[c.LogicalIndex]);
            var fallback = $"node{index}";

            if (node.Camera is { Settings: CameraOrthographic } orthographic)
            {
                notes.Add($"camera \"{node.Name ?? orthographic.Name ?? $"nodes[{index}]"}\" is orthographic: left out (Previz films through perspective lenses only).");
            }

            if (!needed[index])
            {
                infos.Add(new GltfNodeInfo(index, node.Name, node.IsSkinJoint ? GltfNodeKind.Joint : GltfNodeKind.Ignored, null, parentIndex, 0, animation.IsAnimated));
                continue;
            }

            string? objectId = null;
            var triangles = 0;
            if (node.Mesh is { } gltfMesh)
            {
                if (!meshes.TryGetValue(gltfMesh.LogicalIndex, out var read))
                {
                    read = MeshReader.Read(gltfMesh, fileName);
                    meshes[gltfMesh.LogicalIndex] = read;
                    notes.Mesh(gltfMesh, read);
                }

                triangles = read.Mesh.TriangleCount;
                var name = node.Name ?? gltfMesh.Name;
                objectId = ids.Take(name, fallback);
                var mesh = read.Mesh;
                if (deformations.For(node, read) is { } deformation)
                {
                    mesh = mesh with { Deformation = deformation };
                    characters.Add(GltfCharacterInfo.Of(objectId, deformation));
                }

                objects.Add(new SceneObject
                {
                    Id = objectId,
                    Name = name,
                    Shape = ShapeKind.Mesh,
                    Mesh = mesh,
                    Size = Vector3.One,
                    Transform = transform,
                    Color = colours.ColorOf(read.Material) ?? new SceneObject { Id = "default" }.Color,
                    ParentId = parentId,
                    Animation = animation,
                });
            }
            else if (node.Camera?.Settings is not CameraPerspective || hasNeededChildren)
            {
                // A group: moves what hangs below it but draws nothing.
                objectId = ids.Take(node.Camera?.Settings is not CameraPerspective ? node.Name : (node.Name ?? fallback) + "-rig", fallback);
                objects.Add(new SceneObject
                {
                    Id = objectId,
                    Name = node.Name,
                    Shape = ShapeKind.Mesh,
                    Mesh = EmptyMesh,
                    Transform = transform,
                    ParentId = parentId,
                    Animation = animation,
                });
            }

            if (objectId is not null)
            {
                objectIdOf[index] = objectId;
            }

            if (node.Camera is { Settings: CameraPerspective } camera)
            {
                // A camera node that is also an object rides on that object with an identity transform.
                var cameraId = ids.Take(node.Name ?? camera.Name, $"camera{index}");
                aspects[cameraId] = (camera.Settings as CameraPerspective)?.AspectRatio;
                cameras.Add(CameraOf(camera, cameraId, node.Name ?? camera.Name, objectId is null ? transform : Transform.Identity, objectId ?? parentId, objectId is null ? animation : TransformAnimation.None, fileName));
                infos.Add(new GltfNodeInfo(index, node.Name, GltfNodeKind.Camera, cameraId, parentIndex, triangles, animation.IsAnimated));
                continue;
            }

            infos.Add(new GltfNodeInfo(index, node.Name, node.Mesh is null ? GltfNodeKind.Group : GltfNodeKind.Mesh, objectId, parentIndex, triangles, animation.IsAnimated));
        }

        foreach (var node in model.LogicalNodes.Where(n => !inScene.Contains(n.LogicalIndex)))
        {
            infos.Add(new GltfNodeInfo(node.LogicalIndex, node.Name, GltfNodeKind.Ignored, null, node.VisualParent?.LogicalIndex, 0, tracks.ContainsKey(node.LogicalIndex)));
        }

        infos.Sort((a, b) => a.Index.CompareTo(b.Index));
        notes.Model(model, animations);
        var shots = ShotsFor(cameras, aspects, animations);
        var scene = new SceneDocument { Name = sceneName, Objects = objects, Cameras = cameras, Shots = shots };
        if (cameras.Count == 0)
        {
            scene = DefaultFraming.AddCamera(scene, animations.Count > 0 ? (SnapToFrame(animations.Min(a => a.Start)), SnapToFrame(animations.Max(a => a.End))) : null, Fps, notes);
        }

        return new GltfImport(scene, infos, animations)
        {
            Characters = characters,
            Notes = notes.Lines,
            Rig = clips.Count > 0 || characters.Count > 0 ? deformations.Rig : null,
        };
    }

    private static List<Node> PreOrder(ModelRoot model)
    {
        var scene = model.DefaultScene ?? (model.LogicalScenes.Count > 0 ? model.LogicalScenes[0] : null);
        var roots = scene is not null ? scene.VisualChildren.ToList() : model.LogicalNodes.Where(n => n.VisualParent is null).ToList();
        var order = new List<Node>();
        var stack = new Stack<Node>();
        for (var i = roots.Count - 1; i >= 0; i--)
        {
            stack.Push(roots[i]);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            order.Add(node);
            var children = node.VisualChildren.ToList();
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push(children[i]);
            }
        }

        return order;
    }

    internal static Transform TransformOf(Node node)
    {
        var local = node.LocalTransform;
        if (!local.IsMatrix)
        {
            return new Transform(local.Translation, local.Rotation, local.Scale);
        }

        var m = local.Matrix;
        if (Matrix4x4.Decompose(m, out var scale, out var rotation, out var translation))
        {
            return new Transform(translation, Quaternion.Normalize(rotation), scale);
        }

        // Zero scale or shear: keep the translation and the axis lengths, drop what TRS cannot hold.
        var axes = new Vector3(
            new Vector3(m.M11, m.M12, m.M13).Length(),
            new Vector3(m.M21, m.M22, m.M23).Length(),
            new Vector3(m.M31, m.M32, m.M33).Length());
        return new Transform(m.Translation, Quaternion.Identity, axes);
    }

    private static SceneCamera CameraOf(Camera camera, string id, string? name, Transform transform, string? parentId, TransformAnimation animation, string fileName)
    {
        if (camera.Settings is not CameraPerspective perspective)
        {
            throw new GltfImportException(fileName, $"camera \"{name ?? id}\" has no perspective settings; Previz renders perspective cameras only.");
        }

        var near = perspective.ZNear > 0 && float.IsFinite(perspective.ZNear) ? perspective.ZNear : 0.01f;
        var far = float.IsFinite(perspective.ZFar) && perspective.ZFar > near ? perspective.ZFar : Math.Max(10000f, near * 1000f);
        var yfov = perspective.VerticalFOV;
        if (!(yfov > 0 && yfov < MathF.PI))
        {
            throw new GltfImportException(fileName, $"camera \"{name ?? id}\" has a vertical field of view of {yfov} radians; it must lie between 0 and π.");
        }

        return new SceneCamera
        {
            Id = id,
            Name = name,
            Transform = transform,
            ParentId = parentId,
            Lens = new Lens { VerticalFovDegrees = yfov * 180f / MathF.PI },
            Near = near,
            Far = far,
            Animation = new CameraAnimation(animation, new ScalarTrack([]), new AimTrack([])),
        };
    }

    private static List<Shot> ShotsFor(List<SceneCamera> cameras, Dictionary<string, float?> aspects, List<GltfAnimationInfo> animations)
    {
        // The shot runs from the first key to the last one inclusive: Blender frames 1..48 (times 1/24..2) give 48 frames.
        // Key times are float seconds; snap them to the frame grid when they sit on it (1/24 stored as 0.041666668).
        var start = SnapToFrame(animations.Count > 0 ? animations.Min(a => a.Start) : 0);
        var end = SnapToFrame(animations.Count > 0 ? animations.Max(a => a.End) : 0);
        var duration = Math.Round((end - start) * Fps) / Fps + (1 / Fps);
        var shots = new List<Shot>(cameras.Count);
        foreach (var camera in cameras)
        {
            shots.Add(new Shot
            {
                Id = camera.Id,
                Name = camera.Name,
                CameraId = camera.Id,
                Aspect = AspectOf(aspects[camera.Id]),
                Start = start,
                Duration = duration,
                Fps = Fps,
            });
        }

        return shots;
    }

    private static double SnapToFrame(double time)
    {
        var frames = Math.Round(time * Fps);
        return Math.Abs((frames / Fps) - time) < 1e-5 ? frames / Fps : time;
    }

    private static AspectRatio AspectOf(float? ratio)
    {
        if (ratio is not { } r || !float.IsFinite(r) || r <= 0)
        {
            return AspectRatio.Landscape16x9;
        }

        foreach (var common in new[] { AspectRatio.Landscape16x9, new AspectRatio(4, 3), new AspectRatio(9, 16), new AspectRatio(1, 1), new AspectRatio(3, 2) })
        {
            if (Math.Abs(common.Value - r) < 1e-3)
            {
                return common;
            }
        }

        return new AspectRatio(Math.Round(r, 4), 1);
    }
}
