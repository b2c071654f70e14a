using System.Numerics;
using Previz.Core.Cameras;
using Previz.Core.Scenes;

namespace Previz.Core.Sampling;

/// <summary>
/// Samples a validated scene at any time: object transforms with parents applied, and camera poses with aim targets
/// and lens animation resolved.
/// </summary>
public sealed class PoseSampler
{
    private readonly SceneDocument _scene;
    private readonly Dictionary<string, int> _objectIndex;
    private readonly int[] _parentIndex;
    private readonly int[] _evaluationOrder;

    public PoseSampler(SceneDocument scene)
    {
        _scene = scene;
        _objectIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < scene.Objects.Count; i++)
        {
            _objectIndex.TryAdd(scene.Objects[i].Id, i);
        }

        _parentIndex = scene.Objects
            .Select(o => o.ParentId is { } p && _objectIndex.TryGetValue(p, out var pi) ? pi : -1)
            .ToArray();
        _evaluationOrder = ParentsFirst(_parentIndex);
    }

    public SceneDocument Scene => _scene;

    public ScenePose SampleObjects(double time)
    {
        var worlds = new Matrix4x4[_scene.Objects.Count];
        foreach (var i in _evaluationOrder)
        {
            var obj = _scene.Objects[i];
            var local = obj.Animation.Sample(time, obj.Transform).ToMatrix();
            worlds[i] = _parentIndex[i] >= 0 ? local * worlds[_parentIndex[i]] : local;
        }

        var poses = new ObjectPose[worlds.Length];
        for (var i = 0; i < poses.Length; i++)
        {
            poses[i] = new ObjectPose(_scene.Objects[i], worlds[i]);
        }

        return new ScenePose(time, poses);
    }

    /// <summary>The world matrix of one object at a time.</summary>
    public Matrix4x4 ObjectWorld(string objectId, double time)
    {
        if (!_objectIndex.TryGetValue(objectId, out var i))
        {
            throw new ArgumentException($"No object with id \"{objectId}\".", nameof(objectId));
        }

        var matrix = Matrix4x4.Identity;
        // Walk up the chain: local × parent × grandparent …
        while (i >= 0)
        {
            var obj = _scene.Objects[i];
            matrix *= obj.Animation.Sample(time, obj.Transform).ToMatrix();
            i = _parentIndex[i];
        }

        return matrix;
    }

    /// <summary>The camera's pose at a scene time, framed for the shot's aspect and lens override.</summary>
    public CameraPose Camera(Shot shot, double time)
    {
        var camera = _scene.FindCamera(shot.CameraId)
            ?? throw new ArgumentException($"No camera with id \"{shot.CameraId}\".", nameof(shot));
        return Camera(camera, time, (float)shot.Aspect.Value, shot.FocalLengthMm);
    }

    public CameraPose Camera(SceneCamera camera, double time, float aspect, float? focalLengthOverrideMm = null)
    {
        var local = camera.Animation.Transform.Sample(time, camera.Transform);
        var world = Matrix4x4.CreateFromQuaternion(local.Rotation) * Matrix4x4.CreateTranslation(local.Position);
        if (camera.ParentId is { } parent && _objectIndex.ContainsKey(parent))
        {
            world *= ObjectWorld(parent, time);
        }

        Matrix4x4.Decompose(world, out _, out var rotation, out var position);
        var aim = camera.Animation.Aim.Sample(time, camera.AimTargetId);
        if (aim is not null && _objectIndex.ContainsKey(aim))
        {
            rotation = LookRotation.Towards(position, ObjectWorld(aim, time).Translation);
        }

        float vfov;
        float focal;
        if (focalLengthOverrideMm is { } over)
        {
            focal = over;
            vfov = LensMath.VerticalFov(over, camera.Lens.SensorWidthMm, camera.Lens.SensorHeightMm, camera.Lens.SensorFit, aspect);
        }
        else if (!camera.Animation.FocalLength.IsEmpty)
        {
            focal = camera.Animation.FocalLength.Sample(time, camera.Lens.FocalLengthMm);
            vfov = LensMath.VerticalFov(focal, camera.Lens.SensorWidthMm, camera.Lens.SensorHeightMm, camera.Lens.SensorFit, aspect);
        }
        else
        {
            vfov = camera.Lens.VerticalFovRadians(aspect);
            focal = camera.Lens.EquivalentFocalLengthMm(aspect);
        }

        return new CameraPose(position, Quaternion.Normalize(rotation), vfov, aspect, camera.Near, camera.Far, focal);
    }

    private static int[] ParentsFirst(int[] parentIndex)
    {
        var order = new List<int>(parentIndex.Length);
        var state = new byte[parentIndex.Length];
        for (var i = 0; i < parentIndex.Length; i++)
        {
            Visit(i);
        }

        return [.. order];

        void Visit(int i)
        {
            // Iterative walk: cycles are rejected by validation, but never loop forever here either.
            var chain = new Stack<int>();
            var n = i;
            while (n >= 0 && state[n] == 0)
            {
                state[n] = 1;
                chain.Push(n);
                n = parentIndex[n];
            }

            while (chain.Count > 0)
            {
                var c = chain.Pop();
                state[c] = 2;
                order.Add(c);
            }
        }
    }
}
