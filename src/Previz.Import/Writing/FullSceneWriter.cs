using System.Numerics;
using System.Text.Json.Nodes;
using Previz.Core.Animation;
using Previz.Core.Sampling;
using Previz.Core.Scenes;
using SharpGLTF.Schema2;
using SharpGLTF.Transforms;
using PrevizMesh = Previz.Core.Geometry.Mesh;

namespace Previz.Import.Writing;

/// <summary>
/// The export: objects as a node tree by <c>parent</c> with their rest transforms, meshes and materials; cameras on
/// their own nodes (children of the object they ride on); keys as one glTF animation. What glTF cannot say — aim
/// targets, lens keys — is baked for other tools (the aimed rotation sampled at the shots' frame rate) and kept exactly
/// in the scene's <c>extras.previz</c>, a whole <c>previz-scene/1</c> document that Previz's import reads back.
/// </summary>
internal static class FullSceneWriter
{
    public static ModelRoot Build(SceneDocument scene, IReadOnlyList<PrevizMesh?> meshes, Func<ModelRoot, SceneObject, PrevizMesh, Dictionary<PrevizMesh, MeshAccessors>, Mesh> meshOf)
    {
        var model = ModelRoot.CreateModel();
        var root = model.UseScene(scene.Name);
        model.DefaultScene = root;
        root.Extras = new JsonObject { ["previz"] = SceneJson.Document(scene) };
        var accessors = MeshBuffers.Pack(model, [.. meshes.Where(m => m is not null).Distinct(ReferenceEqualityComparer.Instance).Cast<PrevizMesh>()]);
        var fps = scene.Shots.Count > 0 ? (float)scene.Shots.Max(s => s.Fps) : 24f;
        var channels = new AnimationChannels(model, fps);

        var nodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var i in ParentsFirst(scene))
        {
            var obj = scene.Objects[i];
            var node = obj.ParentId is { } p && nodes.TryGetValue(p, out var parent) ? parent.CreateNode(obj.DisplayName) : root.CreateNode(obj.DisplayName);
            nodes[obj.Id] = node;
            node.LocalTransform = new AffineTransform(obj.Transform.Scale, obj.Transform.Rotation, obj.Transform.Position);
            node.Extras = Extras("previzId", obj.Id, obj.Animation);
            if (meshes[i] is { } mesh)
            {
                node.Mesh = meshOf(model, obj, mesh, accessors);
            }

            channels.Translation(node, obj.Animation.Position);
            channels.Rotation(node, obj.Animation.Rotation);
            channels.Scale(node, obj.Animation.Scale);
        }

        var sampler = new PoseSampler(scene);
        var (start, end) = AnimatedRange(scene);
        foreach (var camera in scene.Cameras)
        {
            var parent = camera.ParentId is { } p && nodes.TryGetValue(p, out var n) ? n : null;
            var node = parent is not null ? parent.CreateNode(camera.DisplayName) : root.CreateNode(camera.DisplayName);
            node.Extras = Extras("previzCamera", camera.Id, camera.Animation.Transform);
            node.Camera = CameraOf(model, scene, sampler, camera);
            var aims = camera.AimTargetId is not null || !camera.Animation.Aim.IsEmpty;
            var rest = aims ? LocalAim(sampler, camera, start) : camera.Transform.Rotation;
            node.LocalTransform = new AffineTransform(Vector3.One, rest, camera.Transform.Position);
            channels.Translation(node, camera.Animation.Transform.Position);
            if (aims)
            {
                // glTF has no aim target: the rotation it gives, sampled frame by frame over everything that moves.
                var frames = Math.Max(1, (int)Math.Ceiling((end - start) * fps));
                channels.SampledRotation(node, Enumerable.Range(0, frames + 1).Select(f => Math.Min(end, start + (f / (double)fps))).Distinct().Select(t => (t, LocalAim(sampler, camera, t))));
            }
            else
            {
                channels.Rotation(node, camera.Animation.Transform.Rotation);
            }
        }

        return model;
    }

    /// <summary>
    /// The camera as glTF sees it: the vertical field of view of its first shot (aspect, lens override and focal length
    /// at the shot's start), or of its own lens at 16:9 when no shot films it.
    /// </summary>
    private static Camera CameraOf(ModelRoot model, SceneDocument scene, PoseSampler sampler, SceneCamera camera)
    {
        var shot = scene.Shots.FirstOrDefault(s => s.CameraId == camera.Id);
        var pose = shot is not null
            ? sampler.Camera(shot, shot.Start)
            : sampler.Camera(camera, 0, (float)AspectRatio.Landscape16x9.Value);
        var gltf = model.CreateCamera(camera.DisplayName);
        gltf.SetPerspectiveMode(pose.Aspect, pose.VerticalFovRadians, camera.Near, camera.Far);
        return gltf;
    }

    /// <summary>The aimed rotation at a time, relative to the object the camera rides on.</summary>
    private static Quaternion LocalAim(PoseSampler sampler, SceneCamera camera, double time)
    {
        var world = sampler.Camera(camera, time, (float)AspectRatio.Landscape16x9.Value).Rotation;
        if (camera.ParentId is not { } parent || sampler.Scene.FindObject(parent) is null)
        {
            return world;
        }

        Matrix4x4.Decompose(sampler.ObjectWorld(parent, time), out _, out var parentRotation, out _);
        return Quaternion.Normalize(Quaternion.Conjugate(Quaternion.Normalize(parentRotation)) * world);
    }

    /// <summary>From the earliest to the latest of every key and every shot's span (at least one instant).</summary>
    private static (double Start, double End) AnimatedRange(SceneDocument scene)
    {
        var times = new List<double>();
        foreach (var s in scene.Shots)
        {
            times.Add(s.Start);
            times.Add(s.Start + s.Duration);
        }

        foreach (var o in scene.Objects)
        {
            if (o.Animation.TimeRange() is { } r)
            {
                times.Add(r.Start);
                times.Add(r.End);
            }
        }

        foreach (var c in scene.Cameras)
        {
            if (c.Animation.Transform.TimeRange() is { } r)
            {
                times.Add(r.Start);
                times.Add(r.End);
            }

            times.AddRange(c.Animation.Aim.Keys.Select(k => k.Time));
            times.AddRange(c.Animation.FocalLength.Keys.Select(k => k.Time));
        }

        return times.Count == 0 ? (0, 0) : (times.Min(), times.Max());
    }

    /// <summary>A node's extras: the id it stands for, and the tracks only the file's channels hold exactly.</summary>
    private static JsonObject Extras(string key, string id, TransformAnimation animation)
    {
        var extras = new JsonObject { [key] = id };
        if (SceneJson.KeysLeftOut(animation) is { Count: > 0 } paths)
        {
            extras["previzKeysInFile"] = new JsonArray([.. paths.Select(p => (JsonNode)p)]);
        }

        return extras;
    }

    /// <summary>Object indices with every parent before its children (validated scenes have no cycles).</summary>
    private static List<int> ParentsFirst(SceneDocument scene)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < scene.Objects.Count; i++)
        {
            index.TryAdd(scene.Objects[i].Id, i);
        }

        var order = new List<int>(scene.Objects.Count);
        var placed = new bool[scene.Objects.Count];
        for (var i = 0; i < scene.Objects.Count; i++)
        {
            var chain = new Stack<int>();
            for (var n = i; n >= 0 && !placed[n] && !chain.Contains(n); n = scene.Objects[n].ParentId is { } p && index.TryGetValue(p, out var pi) ? pi : -1)
            {
                chain.Push(n);
            }

            while (chain.Count > 0)
            {
                var n = chain.Pop();
                placed[n] = true;
                order.Add(n);
            }
        }

        return order;
    }
}
