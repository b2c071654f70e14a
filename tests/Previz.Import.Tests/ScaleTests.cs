using System.Diagnostics;
using Previz.Import.Tests.Support;
using Xunit.Abstractions;

namespace Previz.Import.Tests;

public sealed class ScaleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_one_million_triangle_glb_imports_in_under_two_seconds()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "terrain.glb");
        // Four nodes instancing one 250k-triangle mesh would be too easy: one node per distinct mesh is the real cost.
        await File.WriteAllBytesAsync(path, LargeGlb.Create(1_000_000, nodes: 1));
        GltfImporter.Parse(LargeGlb.Create(2_000, nodes: 1), "warm.glb"); // JIT warm-up on a small file

        var times = new List<double>();
        GltfImport? import = null;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            import = await GltfImporter.LoadAsync(path);
            times.Add(watch.Elapsed.TotalSeconds);
        }

        times.Sort();
        output.WriteLine($"1M-triangle GLB ({new FileInfo(path).Length / 1e6:0.0} MB): import {string.Join(", ", times.Select(t => $"{t:0.000} s"))}");
        Assert.True(import!.TriangleCount >= 1_000_000, $"{import.TriangleCount} triangles");
        Assert.True(times[1] < 2.0, $"median import took {times[1]:0.000} s");
    }
}
