using System.Numerics;
using Previz.Core.Animation;
using SharpGLTF.Schema2;

namespace Previz.Import.Writing;

/// <summary>
/// Turns Previz key tracks into glTF channels that play the same motion. Positions and scales: all linear → LINEAR,
/// all step → STEP, otherwise CUBICSPLINE where a smooth segment has zero tangents (Hermite with zero tangents is
/// exactly the smoothstep ease Previz uses) and a linear one the segment's slope (Hermite reproduces a straight line);
/// a track mixing steps with other segments is sampled. Rotations: all linear → LINEAR (slerp, keys made to take the
/// short way as Previz does), all step → STEP, glTF keys keep their tangents; smooth rotations are sampled, because
/// glTF blends quaternion tangents component-wise, which is not Previz's eased slerp.
/// </summary>
internal sealed class AnimationChannels(ModelRoot model, float fps)
{
    private Animation? _animation;

    /// <summary>The one animation every channel goes into, created with the first channel.</summary>
    private Animation Animation => _animation ??= model.CreateAnimation("previz");

    public void Translation(Node node, Vector3Track track) => Vectors(track, linear => Animation.CreateTranslationChannel(node, linear.Keys, linear.Linear), cubic => Animation.CreateTranslationChannel(node, cubic));

    public void Scale(Node node, Vector3Track track) => Vectors(track, linear => Animation.CreateScaleChannel(node, linear.Keys, linear.Linear), cubic => Animation.CreateScaleChannel(node, cubic));

    public void Rotation(Node node, QuaternionTrack track)
    {
        var keys = track.Keys;
        if (keys.Count == 0)
        {
            return;
        }

        var segments = Segments(keys);
        if (segments.All(i => i == Interpolation.CubicSpline))
        {
            var cubic = new SortedDictionary<float, (Quaternion, Quaternion, Quaternion)>();
            foreach (var k in keys)
            {
                cubic.TryAdd((float)k.Time, (k.InTangent, k.Value, k.OutTangent));
            }

            Animation.CreateRotationChannel(node, cubic);
            return;
        }

        var step = segments.All(i => i == Interpolation.Step);
        if (step || segments.All(i => i == Interpolation.Linear))
        {
            Animation.CreateRotationChannel(node, ShortWay(keys.Select(k => (k.Time, k.Value))), linear: !step);
            return;
        }

        Animation.CreateRotationChannel(node, ShortWay(Sampled(keys, t => track.Sample(t, Quaternion.Identity))), linear: true);
    }

    /// <summary>Rotations sampled at <paramref name="times"/> (for motion glTF cannot key, such as an aim target).</summary>
    public void SampledRotation(Node node, IEnumerable<(double Time, Quaternion Value)> samples) =>
        Animation.CreateRotationChannel(node, ShortWay(samples), linear: true);

    private void Vectors(Vector3Track track, Action<(SortedDictionary<float, Vector3> Keys, bool Linear)> linearOrStep, Action<SortedDictionary<float, (Vector3, Vector3, Vector3)>> cubic)
    {
        var keys = track.Keys;
        if (keys.Count == 0)
        {
            return;
        }

        var segments = Segments(keys);
        var step = segments.All(i => i == Interpolation.Step);
        if (step || segments.All(i => i == Interpolation.Linear))
        {
            linearOrStep((Dictionary(keys.Select(k => (k.Time, k.Value))), !step));
            return;
        }

        if (segments.Contains(Interpolation.Step))
        {
            linearOrStep((Dictionary(Sampled(keys, t => track.Sample(t, Vector3.Zero))), true));
            return;
        }

        // Tangents per segment: the out-tangent of key i and the in-tangent of key i+1 shape segment i.
        var inTangents = new Vector3[keys.Count];
        var outTangents = new Vector3[keys.Count];
        for (var i = 0; i + 1 < keys.Count; i++)
        {
            var a = keys[i];
            var b = keys[i + 1];
            var span = (float)(b.Time - a.Time);
            (outTangents[i], inTangents[i + 1]) = a.Interpolation switch
            {
                Interpolation.Linear when span > 0 => ((b.Value - a.Value) / span, (b.Value - a.Value) / span),
                Interpolation.CubicSpline => (a.OutTangent, b.InTangent),
                _ => (Vector3.Zero, Vector3.Zero),
            };
        }

        var result = new SortedDictionary<float, (Vector3, Vector3, Vector3)>();
        for (var i = 0; i < keys.Count; i++)
        {
            result.TryAdd((float)keys[i].Time, (inTangents[i], keys[i].Value, outTangents[i]));
        }

        cubic(result);
    }

    /// <summary>The interpolation of each segment (the last key's own says nothing); one key counts as linear.</summary>
    private static List<Interpolation> Segments<T>(IReadOnlyList<Keyframe<T>> keys)
        where T : struct =>
        keys.Count == 1 ? [Interpolation.Linear] : [.. keys.Take(keys.Count - 1).Select(k => k.Interpolation)];

    /// <summary>The track at <c>fps</c> from its first key to its last, every key time included.</summary>
    private IEnumerable<(double Time, T Value)> Sampled<T>(IReadOnlyList<Keyframe<T>> keys, Func<double, T> sample)
        where T : struct
    {
        var times = new SortedSet<double>(keys.Select(k => k.Time));
        var first = keys[0].Time;
        var last = keys[^1].Time;
        for (var f = 1; first + (f / fps) < last; f++)
        {
            times.Add(first + (f / fps));
        }

        return times.Select(t => (t, sample(t)));
    }

    private static SortedDictionary<float, T> Dictionary<T>(IEnumerable<(double Time, T Value)> keys)
    {
        var result = new SortedDictionary<float, T>();
        foreach (var (time, value) in keys)
        {
            result.TryAdd((float)time, value);
        }

        return result;
    }

    /// <summary>Each quaternion flipped to the hemisphere of the one before, so slerp turns the short way.</summary>
    private static SortedDictionary<float, Quaternion> ShortWay(IEnumerable<(double Time, Quaternion Value)> keys)
    {
        var result = new SortedDictionary<float, Quaternion>();
        Quaternion? previous = null;
        foreach (var (time, value) in keys)
        {
            var q = previous is { } p && Quaternion.Dot(p, value) < 0 ? -value : value;
            if (result.TryAdd((float)time, q))
            {
                previous = q;
            }
        }

        return result;
    }
}
