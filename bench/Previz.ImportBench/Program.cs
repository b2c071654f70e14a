// glTF import benchmark: generates a GLB of about a million triangles (never committed), times its import, then
// Direct Render of it in the wireframe pass at 1k (render only, and rendered + encoded to MP4). Prints
//   import triangles=N megabytes=M runs=R median_s=S min_s=S
//   setup triangles=N build_s=S build_cpu_s=S cached_s=S
//   render resolution=WxH pass=wireframe threads=T fps=F cpu_ms_per_frame=C      (T = 1, then every core)
//   mp4 resolution=WxH pass=wireframe frames=N fps=F process_cpu_ms_per_frame=C
//   machine cores=K load_average=L1 L5 L15
// CPU ms per frame is the steadier figure on a shared machine; fps is wall clock.
// Usage: Previz.ImportBench [--triangles 1000000] [--runs 5]
// With --viewport-gltf SCENE it times instead the studio viewport's scene-to-glTF (SceneGlb geometry) of SCENE:
//   viewport-gltf scene=NAME objects=N triangles=T kilobytes=K runs=R median_ms=M min_ms=M first_ms=F
// (first_ms: the first write in the process, JIT included)
using System.Diagnostics;
using System.Globalization;
using Previz.Import;
using Previz.Import.Tests.Support;
using Previz.Import.Writing;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;

var triangles = int.Parse(Option(args, "--triangles") ?? "1000000", CultureInfo.InvariantCulture);
var runs = int.Parse(Option(args, "--runs") ?? "5", CultureInfo.InvariantCulture);
if (Option(args, "--viewport-gltf") is { } viewportScene)
{
    await ViewportGltfAsync(viewportScene, Math.Max(runs, 21));
    return 0;
}

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
    await RenderAsync(import, path);
    return 0;
}
finally
{
    File.Delete(path);
}

// Direct Render of the imported scene, wireframe pass at 1k: geometry setup (cold, then from the per-mesh cache),
// render-only CPU per frame on one thread (as Direct Render renders beside x264) and on every core, then the MP4 of a
// freshly imported copy, so its time includes building the geometry as `previz render scene.glb` does.
static async Task RenderAsync(GltfImport import, string path)
{
    var scene = import.Scene;
    var shot = scene.Shots[0] with { Duration = 5, Fps = 24 };
    var size = FrameSize.For(shot.Aspect, ResolutionPreset.OneK);
    var buildCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    _ = new FrameRenderer(scene); // welds vertices and classifies edges once per mesh
    var buildSeconds = clock.Elapsed.TotalSeconds;
    var buildCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - buildCpu).TotalSeconds;
    clock.Restart();
    _ = new FrameRenderer(scene);
    var cachedSeconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"setup triangles={import.TriangleCount} build_s={buildSeconds:0.000} build_cpu_s={buildCpuSeconds:0.000} cached_s={cachedSeconds:0.000}"));

    foreach (var threads in (int?[])[1, null])
    {
        var renderer = new FrameRenderer(scene, new FrameRendererOptions { MaxDegreeOfParallelism = threads });
        var frame = new RgbaFrame(size);
        for (var i = 0; i < 5; i++)
        {
            renderer.Render(shot, shot.FrameTime(i), RenderPass.Wireframe, frame);
        }

        var frames = 48;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        for (var i = 0; i < frames; i++)
        {
            renderer.Render(shot, shot.FrameTime(i), RenderPass.Wireframe, frame);
        }

        var fps = frames / clock.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / frames;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"render resolution={size.Width}x{size.Height} pass=wireframe threads={threads ?? Environment.ProcessorCount} fps={fps:0.0} cpu_ms_per_frame={cpuMs:0.0}"));
    }

    var fresh = (await GltfImporter.LoadAsync(path)).Scene;
    var output = Path.Combine(Path.GetTempPath(), "previz-import-bench-wireframe.mp4");
    var before = Process.GetCurrentProcess().TotalProcessorTime;
    clock.Restart();
    await DirectRenderer.RenderToMp4Async(fresh, shot, RenderPass.Wireframe, ResolutionPreset.OneK, output);
    var mp4Fps = shot.FrameCount / clock.Elapsed.TotalSeconds;
    var mp4CpuMs = (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / shot.FrameCount;
    File.Delete(output);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"mp4 resolution={size.Width}x{size.Height} pass=wireframe frames={shot.FrameCount} fps={mp4Fps:0.0} process_cpu_ms_per_frame={mp4CpuMs:0.0} (includes geometry setup; x264 runs in ffmpeg)"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine cores={Environment.ProcessorCount} load_average={LoadAverage()}"));
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

// The scene loaded once (meshes resolved), then written as the viewport's GLB: a few warm-up runs, then the median.
static async Task ViewportGltfAsync(string scenePath, int runs)
{
    var scene = (await Previz.Import.Scenes.SceneFileLoader.LoadAsync(scenePath)).Scene;
    var cold = Stopwatch.StartNew();
    var glb = SceneGlb.Write(scene, SceneGlbContent.Geometry);
    var coldMs = cold.Elapsed.TotalMilliseconds;
    for (var warm = 0; warm < 3; warm++)
    {
        glb = SceneGlb.Write(scene, SceneGlbContent.Geometry);
    }

    var times = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        var clock = Stopwatch.StartNew();
        glb = SceneGlb.Write(scene, SceneGlbContent.Geometry);
        times.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    var triangles = scene.Objects.Sum(o => (long)(Previz.Core.Geometry.ObjectMeshes.Of(o)?.TriangleCount ?? 0));
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"viewport-gltf scene={Path.GetFileName(scenePath)} objects={scene.Objects.Count} triangles={triangles} kilobytes={glb.Length / 1e3:0.0} runs={runs} median_ms={times[runs / 2]:0.00} min_ms={times[0]:0.00} first_ms={coldMs:0.0}"));
}

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
