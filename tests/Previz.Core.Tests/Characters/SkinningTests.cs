using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Characters;
using Previz.Core.Scenes;

namespace Previz.Core.Tests.Characters;

public sealed class SkinningTests
{
    private static readonly Quaternion Bent = Quaternion.CreateFromAxisAngle(Vector3.UnitZ, MathF.PI / 2);

    /// <summary>
    /// A two-bone arm along +X: the shoulder at the origin, the elbow 1 m out. Vertex 0 (the hand, 2 m out) follows the
    /// elbow alone; vertex 1 (1.5 m out) is half shoulder, half elbow; vertex 2 (0.5 m out) follows the shoulder.
    /// </summary>
    private static MeshDeformation Arm(bool playsAll = true, Vector3[]? bind = null)
    {
        var nodes = new List<RigNode>
        {
            new("Shoulder", -1, Transform.Identity),
            new("Elbow", 0, new Transform(Vector3.UnitX, Quaternion.Identity, Vector3.One)),
        };
        var bend = new TransformAnimation(
            new Vector3Track([]),
            new QuaternionTrack([new Keyframe<Quaternion>(0, Quaternion.Identity, Interpolation.Linear), new Keyframe<Quaternion>(1, Bent, Interpolation.Linear)]),
            new Vector3Track([]));
        var clip = new RigClip("bend", 0, 1, new Dictionary<int, TransformAnimation> { [1] = bend }, new Dictionary<int, WeightTrack>());
        var rig = new Rig(nodes, [clip], clip);
        var skin = new SkinBinding(
            [0, 1],
            [Matrix4x4.Identity, Matrix4x4.CreateTranslation(-1, 0, 0)],
            4,
            [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
            [1, 0, 0, 0, 0.5f, 0.5f, 0, 0, 1, 0, 0, 0]);
        return new MeshDeformation(rig, -1, bind ?? [new(2, 0, 0), new(1.5f, 0, 0), new(0.5f, 0, 0)], skin, [], playsAll);
    }

    [Fact]
    public void A_two_bone_arm_bent_90_degrees_puts_the_hand_above_the_elbow()
    {
        var output = new Vector3[3];
        new MeshDeformer(Arm()).Deform(1, null, output);

        // The elbow turns 90° about Z: the hand, 1 m past the elbow along X, ends 1 m above it.
        AssertNear(new Vector3(1, 1, 0), output[0]);
        // Half the shoulder's (1.5, 0, 0) and half the elbow's (1, 0.5, 0).
        AssertNear(new Vector3(1.25f, 0.25f, 0), output[1]);
        AssertNear(new Vector3(0.5f, 0, 0), output[2]);
    }

    [Fact]
    public void Half_way_through_the_clip_the_hand_is_bent_45_degrees()
    {
        var output = new Vector3[3];
        new MeshDeformer(Arm()).Deform(0.5, null, output);

        var s = MathF.Sqrt(0.5f);
        AssertNear(new Vector3(1 + s, s, 0), output[0]);
    }

    [Fact]
    public void A_deformation_that_does_not_play_all_clips_holds_the_rest_pose_without_an_action()
    {
        var output = new Vector3[3];
        var deformer = new MeshDeformer(Arm(playsAll: false));

        deformer.Deform(1, null, output);
        AssertNear(new Vector3(2, 0, 0), output[0]);

        deformer.Deform(1, new ClipAction("bend", Start: 0, Speed: 1, Loop: false), output);
        AssertNear(new Vector3(1, 1, 0), output[0]);
    }

    [Fact]
    public void An_action_maps_scene_time_to_clip_time_by_start_speed_and_loop()
    {
        var clip = new RigClip("walk", 1, 3, new Dictionary<int, TransformAnimation>(), new Dictionary<int, WeightTrack>());

        Assert.Equal(1, new ClipAction("walk", Start: 2).ClipTime(clip, 0)); // before the start: the first pose
        Assert.Equal(2, new ClipAction("walk", Start: 2).ClipTime(clip, 3));
        Assert.Equal(1.5, new ClipAction("walk", Start: 2).ClipTime(clip, 4.5)); // looped: 2.5 s into a 2 s clip
        Assert.Equal(3, new ClipAction("walk", Start: 2, Loop: false).ClipTime(clip, 9)); // held at the end
        Assert.Equal(2, new ClipAction("walk", Start: 0, Speed: 2).ClipTime(clip, 0.5));
    }

    [Fact]
    public void Many_vertices_are_skinned_in_parallel_chunks_like_one()
    {
        var count = 40_000;
        var bind = new Vector3[count];
        for (var i = 0; i < count; i++)
        {
            bind[i] = new Vector3(2f * i / count, 0.01f * (i % 7), 0);
        }

        var arm = Arm(bind: bind);
        var joints = new int[count * 4];
        var weights = new float[count * 4];
        for (var i = 0; i < count; i++)
        {
            var w = bind[i].X / 2f;
            (joints[4 * i], weights[4 * i]) = (0, 1 - w);
            (joints[(4 * i) + 1], weights[(4 * i) + 1]) = (1, w);
        }

        arm = arm with { Skin = arm.Skin! with { Joints = joints, Weights = weights } };
        var parallel = new Vector3[count];
        var serial = new Vector3[count];
        new MeshDeformer(arm, parallel: true).Deform(0.7, null, parallel);
        new MeshDeformer(arm, parallel: false).Deform(0.7, null, serial);

        Assert.Equal(serial, parallel);
        Assert.NotEqual(bind[^1], serial[^1]);
    }

    [Fact]
    public void Morph_weights_add_their_targets_offsets_and_animated_weights_interpolate()
    {
        var nodes = new List<RigNode> { new("Face", -1, Transform.Identity) };
        var weights = new WeightTrack([0, 1], [0, 0, 1, 0.5f], 2, Interpolation.Linear);
        var clip = new RigClip("smile", 0, 1, new Dictionary<int, TransformAnimation>(), new Dictionary<int, WeightTrack> { [0] = weights });
        var rig = new Rig(nodes, [clip], clip);
        var morphs = new MorphSet(0, 0, [0.5f, 0], [[new(0, 1, 0), Vector3.Zero], [new(0, 0, 2), new(1, 0, 0)]]);
        var output = new Vector3[2];

        // The mesh's default weights without a clip: half of target 0.
        new MeshDeformer(new MeshDeformation(rig, 0, [Vector3.Zero, Vector3.One], null, [morphs], false)).Deform(0.5, null, output);
        AssertNear(new Vector3(0, 0.5f, 0), output[0]);
        AssertNear(Vector3.One, output[1]);

        // The clip's weights at 0.5 s: 0.5 of target 0 and 0.25 of target 1.
        new MeshDeformer(new MeshDeformation(rig, 0, [Vector3.Zero, Vector3.One], null, [morphs], true)).Deform(0.5, null, output);
        AssertNear(new Vector3(0, 0.5f, 0.5f), output[0]);
        AssertNear(new Vector3(1.25f, 1, 1), output[1]);
    }

    private static void AssertNear(Vector3 expected, Vector3 actual) =>
        Assert.True(Vector3.Distance(expected, actual) < 1e-5f, $"expected {expected}, got {actual}");
}
