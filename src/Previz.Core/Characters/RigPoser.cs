using System.Numerics;
using Previz.Core.Animation;

namespace Previz.Core.Characters;

/// <summary>
/// Samples a deformation's rig at a scene time: every node's transform from the playing clip (or its rest), the
/// joints' skinning matrices into the mesh's space, and the morph weights. Buffers are kept from call to call; not
/// thread-safe.
/// </summary>
public sealed class RigPoser
{
    private readonly MeshDeformation _deformation;
    private readonly int[] _order;
    private readonly Matrix4x4[] _worlds;
    private readonly Dictionary<RigClip, TransformAnimation?[]> _clipNodes = [];

    public RigPoser(MeshDeformation deformation)
    {
        ArgumentNullException.ThrowIfNull(deformation);
        _deformation = deformation;
        var nodes = deformation.Rig.Nodes;
        _order = ParentsFirst(nodes);
        _worlds = new Matrix4x4[nodes.Count];
        JointMatrices = new Matrix4x4[deformation.Skin?.JointNodes.Length ?? 0];
        MorphWeights = new float[deformation.MorphTargetCount];
    }

    /// <summary>Per skin joint: inverse bind × joint world × inverse mesh-node world (row vectors, as System.Numerics).</summary>
    public Matrix4x4[] JointMatrices { get; }

    /// <summary>The weights of every morph set's targets, set after set.</summary>
    public float[] MorphWeights { get; }

    /// <summary>The clip that plays at a scene time under an action (null: the deformation's default), and the time in it.</summary>
    public static (RigClip? Clip, double Time) ClipAt(MeshDeformation deformation, ClipAction? action, double sceneTime)
    {
        ArgumentNullException.ThrowIfNull(deformation);
        if (action is not null && deformation.Rig.FindClip(action.Clip) is { } clip)
        {
            return (clip, action.ClipTime(clip, sceneTime));
        }

        return deformation.PlaysAllClipsWithoutAction ? (deformation.Rig.Together, sceneTime) : (null, sceneTime);
    }

    /// <summary>Fills <see cref="JointMatrices"/> and <see cref="MorphWeights"/> for scene time <paramref name="sceneTime"/>.</summary>
    public void Pose(double sceneTime, ClipAction? action)
    {
        var (clip, time) = ClipAt(_deformation, action, sceneTime);
        var nodes = _deformation.Rig.Nodes;
        var tracks = clip is null ? null : TracksOf(clip);
        foreach (var i in _order)
        {
            var node = nodes[i];
            var local = (tracks?[i] is { } track ? track.Sample(time, node.Rest) : node.Rest).ToMatrix();
            _worlds[i] = node.Parent >= 0 ? local * _worlds[node.Parent] : local;
        }

        var toMesh = Matrix4x4.Identity;
        if (_deformation.MeshNode >= 0 && !Matrix4x4.Invert(_worlds[_deformation.MeshNode], out toMesh))
        {
            toMesh = Matrix4x4.Identity;
        }

        if (_deformation.Skin is { } skin)
        {
            for (var j = 0; j < skin.JointNodes.Length; j++)
            {
                JointMatrices[j] = skin.InverseBind[j] * _worlds[skin.JointNodes[j]] * toMesh;
            }
        }

        var at = 0;
        var morphs = _deformation.Morphs;
        for (var m = 0; m < morphs.Count; m++)
        {
            var set = morphs[m];
            var weights = MorphWeights.AsSpan(at, set.Targets);
            set.DefaultWeights.AsSpan(0, Math.Min(set.DefaultWeights.Length, set.Targets)).CopyTo(weights);
            if (clip is not null && clip.Weights.TryGetValue(set.Node, out var track))
            {
                track.Sample(time, weights);
            }

            at += set.Targets;
        }
    }

    private TransformAnimation?[] TracksOf(RigClip clip)
    {
        if (!_clipNodes.TryGetValue(clip, out var tracks))
        {
            tracks = new TransformAnimation?[_worlds.Length];
            foreach (var (node, animation) in clip.Nodes)
            {
                if ((uint)node < (uint)tracks.Length)
                {
                    tracks[node] = animation;
                }
            }

            _clipNodes[clip] = tracks;
        }

        return tracks;
    }

    private static int[] ParentsFirst(IReadOnlyList<RigNode> nodes)
    {
        var order = new List<int>(nodes.Count);
        var placed = new bool[nodes.Count];
        var chain = new Stack<int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            // Walk up to a placed ancestor (the file's checks rule out cycles; the guard keeps a bad rig from looping).
            for (var n = i; n >= 0 && !placed[n] && chain.Count <= nodes.Count; n = nodes[n].Parent)
            {
                chain.Push(n);
            }

            while (chain.Count > 0)
            {
                var c = chain.Pop();
                if (!placed[c])
                {
                    placed[c] = true;
                    order.Add(c);
                }
            }
        }

        return [.. order];
    }
}
