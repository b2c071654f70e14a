// glTF import benchmark: generates a GLB of about a million triangles (never committed), times its import, and prints
//   import triangles=N megabytes=M runs=R median_s=S min_s=S
// Usage: Previz.ImportBench [--triangles 1000000] [--runs 5]
using System.Diagnostics;
using System.Globalization;
using Previz.Import;
using Previz.Import.Tests.Support;

var triangles = int.Parse(Option(args, "--triangles") ?? "1000000", CultureInfo.InvariantCulture);
var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
var path = Path.Combine(Path.GetTempPath(), $"previz-import-bench-{triangles}.glb");
await File.WriteAllBytesAsync(path, LargeGlb.Create(triangles, nodes: 1));
try
{
    GltfImporter.Parse(LargeGlb.Create(2_000, nodes: 1), "warm.glb");
    var times = new List<double>();
    GltfImport? import = null;
    for (var run = 0; run < runs; run++)
    {
        var clock = Stopwatch.StartNew();
        import = await GltfImporter.LoadAsync(path);
        times.Add(clock.Elapsed.TotalSeconds);
    }

    times.Sort();
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"import triangles={import!.TriangleCount} megabytes={new FileInfo(path).Length / 1e6:0.0} runs={runs} median_s={times[runs / 2]:0.000} min_s={times[0]:0.000}"));
    return 0;
}
finally
{
    File.Delete(path);
}

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
