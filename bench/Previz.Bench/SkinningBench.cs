using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Characters;
using Previz.Core.Scenes;

namespace Previz.Bench;

/// <summary>
/// Skinning cost per frame of <see cref="SkinnedCharacter"/> (VERTICES vertices, 24 joints, four influences each) on
/// one core (no parallel chunks). Prints the median over FRAMES frames.
/// </summary>
internal static class SkinningBench
{
    public static int Run(int vertices = 50_000, int frames = 240)
    {
        var mesh = SkinnedCharacter.Build(vertices);
        var deformation = mesh.Deformation!;
        vertices = mesh.Positions.Length;
        const int Joints = SkinnedCharacter.Joints;
        var deformer = new MeshDeformer(deformation, parallel: false);
        var action = new ClipAction("sway");
        var output = new Vector3[vertices];
        for (var i = 0; i < 20; i++)
        {
            deformer.Deform(i / 10.0, action, output); // warm up (tiered JIT)
        }

        var times = new double[frames];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var f = 0; f < frames; f++)
        {
            var start = Stopwatch.GetTimestamp();
            deformer.Deform(2.0 * f / frames, action, output);
            times[f] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"skinning vertices={vertices} influences=4 joints={Joints} frames={frames} median_ms={times[frames / 2]:0.000} p90_ms={times[frames * 9 / 10]:0.000} bytes_per_frame={allocated / frames}"));
        return 0;
    }
}
