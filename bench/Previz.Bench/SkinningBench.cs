using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Characters;
using Previz.Core.Scenes;

namespace Previz.Bench;

/// <summary>
/// Skinning cost per frame of a synthetic character: VERTICES vertices along a chain of 24 joints, four influences
/// each, every joint turning over a 2 s clip; one core (no parallel chunks). Prints the median over FRAMES frames.
/// </summary>
internal static class SkinningBench
{
    public static int Run(int vertices = 50_000, int frames = 240)
    {
        const int Joints = 24;
        var nodes = new List<RigNode>();
        var tracks = new Dictionary<int, TransformAnimation>();
        for (var j = 0; j < Joints; j++)
        {
            nodes.Add(new RigNode($"j{j}", j - 1, new Transform(j == 0 ? Vector3.Zero : new Vector3(0, 0.1f, 0), Quaternion.Identity, Vector3.One)));
            var turn = Quaternion.CreateFromAxisAngle(Vector3.Normalize(new Vector3(1, 0, j % 3)), 0.3f);
            tracks[j] = new TransformAnimation(
                new Vector3Track([]),
                new QuaternionTrack([new Keyframe<Quaternion>(0, Quaternion.Identity, Interpolation.Linear), new Keyframe<Quaternion>(2, turn, Interpolation.Linear)]),
                new Vector3Track([]));
        }

        var clip = new RigClip("bend", 0, 2, tracks, new Dictionary<int, WeightTrack>());
        var bind = new Vector3[vertices];
        var joints = new int[vertices * 4];
        var weights = new float[vertices * 4];
        var random = new Random(7);
        for (var v = 0; v < vertices; v++)
        {
            var height = 2.4f * v / vertices;
            var angle = random.NextSingle() * MathF.Tau;
            bind[v] = new Vector3(0.2f * MathF.Cos(angle), height, 0.2f * MathF.Sin(angle));
            var j = Math.Min(Joints - 1, (int)(height / 0.1f));
            for (var k = 0; k < 4; k++)
            {
                joints[(4 * v) + k] = Math.Clamp(j + k - 1, 0, Joints - 1);
                weights[(4 * v) + k] = k == 1 ? 0.55f : 0.15f;
            }
        }

        var inverseBind = new Matrix4x4[Joints];
        for (var j = 0; j < Joints; j++)
        {
            inverseBind[j] = Matrix4x4.CreateTranslation(0, -0.1f * j, 0);
        }

        var deformation = new MeshDeformation(
            new Rig(nodes, [clip], clip),
            -1,
            bind,
            new SkinBinding([.. Enumerable.Range(0, Joints)], inverseBind, 4, joints, weights),
            [],
            PlaysAllClipsWithoutAction: true);
        var deformer = new MeshDeformer(deformation, parallel: false);
        var output = new Vector3[vertices];
        for (var i = 0; i < 20; i++)
        {
            deformer.Deform(i / 10.0, null, output); // warm up (tiered JIT)
        }

        var times = new double[frames];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var f = 0; f < frames; f++)
        {
            var start = Stopwatch.GetTimestamp();
            deformer.Deform(2.0 * f / frames, null, output);
            times[f] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"skinning vertices={vertices} influences=4 joints={Joints} frames={frames} median_ms={times[frames / 2]:0.000} p90_ms={times[frames * 9 / 10]:0.000} bytes_per_frame={allocated / frames}"));
        return 0;
    }
}
