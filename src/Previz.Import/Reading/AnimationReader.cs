using System.Numerics;
using Previz.Core.Animation;
using Previz.Import.Validation;
using SharpGLTF.Schema2;

namespace Previz.Import.Reading;

/// <summary>
/// Reads every animation onto one timeline: translation, rotation and scale channels with LINEAR, STEP and
/// CUBICSPLINE samplers become keys on the target node; morph-weight channels become weight tracks. Each animation
/// is also kept apart as a clip (a character's "walk", "run"). Pointer channels are counted as ignored; channels on
/// skin joints and morph weights are counted as the character's, not as object channels.
/// </summary>
internal static class AnimationReader
{
    public static (Dictionary<int, NodeTracks> Tracks, List<GltfAnimationInfo> Infos, List<ClipTracks> Clips) Read(ModelRoot model, IReadOnlyList<AnimationLayout> layouts, string fileName)
    {
        var tracks = new Dictionary<int, NodeTracks>();
        var infos = new List<GltfAnimationInfo>(layouts.Count);
        var clips = new List<ClipTracks>(layouts.Count);
        var joints = model.LogicalSkins.SelectMany(s => s.Joints).Select(j => j.LogicalIndex).ToHashSet();
        foreach (var animation in layouts)
        {
            var label = animation.Name is { Length: > 0 } n ? $"animation \"{n}\"" : $"animations[{animation.Index}]";
            double start = double.PositiveInfinity, end = double.NegativeInfinity;
            int played = 0, ignored = 0, character = 0;
            var clip = new ClipTracks(animation.Name is { Length: > 0 } name ? name : $"animation{animation.Index}");
            clips.Add(clip);
            for (var c = 0; c < animation.Channels.Count; c++)
            {
                var channel = animation.Channels[c];
                var sampler = animation.Samplers[channel.Sampler];
                var what = $"{label} channel {c}";
                var times = AccessorReader.ReadFloats(model.LogicalAccessors[sampler.Input], 1, what + " key times", fileName);
                CheckTimes(times, what, fileName);
                if (times.Length > 0)
                {
                    start = Math.Min(start, times[0]);
                    end = Math.Max(end, times[^1]);
                }

                var components = channel.Path switch
                {
                    "translation" or "scale" => 3,
                    "rotation" => 4,
                    _ => 0,
                };
                if (channel.Node >= 0 && channel.Path == "weights")
                {
                    clip.Weights[channel.Node] = WeightsOf(model, sampler, times, what, fileName);
                    character++;
                    continue;
                }

                if (channel.Node < 0 || components == 0)
                {
                    ignored++;
                    continue;
                }

                var values = AccessorReader.ReadFloats(model.LogicalAccessors[sampler.Output], components, what + " values", fileName);
                var cubic = sampler.Interpolation == "CUBICSPLINE";
                var expected = (long)times.Length * components * (cubic ? 3 : 1);
                if (values.Length != expected)
                {
                    throw new GltfImportException(fileName, $"{what} has {times.Length} key times but {values.Length / components} values ({expected / components} expected for {sampler.Interpolation}): the file's counts do not match.");
                }

                if (!tracks.TryGetValue(channel.Node, out var node))
                {
                    tracks[channel.Node] = node = new NodeTracks();
                }

                var interpolation = sampler.Interpolation switch
                {
                    "STEP" => Interpolation.Step,
                    "CUBICSPLINE" => Interpolation.CubicSpline,
                    _ => Interpolation.Linear,
                };
                AddKeys(node, channel.Path!, times, values, components, interpolation, cubic);
                if (!clip.Nodes.TryGetValue(channel.Node, out var own))
                {
                    clip.Nodes[channel.Node] = own = new NodeTracks();
                }

                AddKeys(own, channel.Path!, times, values, components, interpolation, cubic);
                if (joints.Contains(channel.Node))
                {
                    character++;
                }
                else
                {
                    played++;
                }
            }

            clip.Start = double.IsFinite(start) ? start : 0;
            clip.End = double.IsFinite(end) ? end : 0;
            infos.Add(new GltfAnimationInfo(animation.Index, animation.Name, clip.Start, clip.End, played, ignored) { CharacterChannels = character });
        }

        return (tracks, infos, clips);
    }

    private static Previz.Core.Characters.WeightTrack WeightsOf(ModelRoot model, SamplerLayout sampler, float[] times, string what, string fileName)
    {
        var cubic = sampler.Interpolation == "CUBICSPLINE";
        var values = AccessorReader.ReadFloats(model.LogicalAccessors[sampler.Output], 1, what + " weights", fileName);
        var perKey = times.Length * (cubic ? 3 : 1);
        if (perKey == 0 || values.Length % perKey != 0)
        {
            throw new GltfImportException(fileName, $"{what} has {times.Length} key times but {values.Length} weights, which is not a whole number of weights per key: the file's counts do not match.");
        }

        var interpolation = sampler.Interpolation switch
        {
            "STEP" => Interpolation.Step,
            "CUBICSPLINE" => Interpolation.CubicSpline,
            _ => Interpolation.Linear,
        };
        return new Previz.Core.Characters.WeightTrack(times, values, values.Length / perKey, interpolation);
    }

    private static void CheckTimes(float[] times, string what, string fileName)
    {
        for (var i = 0; i < times.Length; i++)
        {
            if (!float.IsFinite(times[i]) || times[i] < 0)
            {
                throw new GltfImportException(fileName, $"{what}: key time {i} is {times[i]}; times must be finite seconds from 0.");
            }

            if (i > 0 && times[i] < times[i - 1])
            {
                throw new GltfImportException(fileName, $"{what}: key times go backwards ({times[i - 1]} then {times[i]}).");
            }
        }
    }

    private static void AddKeys(NodeTracks node, string path, float[] times, float[] v, int components, Interpolation interpolation, bool cubic)
    {
        // CUBICSPLINE outputs are (in-tangent, value, out-tangent) per key, tangents in units per second.
        var perKey = cubic ? 3 : 1;
        for (var k = 0; k < times.Length; k++)
        {
            var baseIndex = k * perKey * components;
            var valueAt = baseIndex + (cubic ? components : 0);
            var inAt = baseIndex;
            var outAt = baseIndex + (2 * components);
            if (components == 4)
            {
                var value = Quaternion.Normalize(Q(v, valueAt));
                node.Rotation.Add(cubic
                    ? new Keyframe<Quaternion>(times[k], value, interpolation, Q(v, inAt), Q(v, outAt))
                    : new Keyframe<Quaternion>(times[k], value, interpolation, default, default));
                continue;
            }

            var key = cubic
                ? new Keyframe<Vector3>(times[k], V(v, valueAt), interpolation, V(v, inAt), V(v, outAt))
                : new Keyframe<Vector3>(times[k], V(v, valueAt), interpolation, default, default);
            (path == "translation" ? node.Translation : node.Scale).Add(key);
        }
    }

    private static Vector3 V(float[] v, int i) => new(v[i], v[i + 1], v[i + 2]);

    private static Quaternion Q(float[] v, int i) => new(v[i], v[i + 1], v[i + 2], v[i + 3]);
}
