// glTF import benchmark: generates a GLB of about a million triangles (never committed), times its import, then
// Direct Render of it in the wireframe pass at 1k (render only, and rendered + encoded to MP4). Prints
//   import triangles=N megabytes=M runs=R median_s=S min_s=S
//   wireframe resolution=WxH triangles=N setup_s=S render_fps=F cpu_ms_per_frame=C cores=K mp4_frames=N mp4_fps=F
// Usage: Previz.ImportBench [--triangles 1000000] [--runs 5]
using System.Diagnostics;
using System.Globalization;
using Previz.Import;
using Previz.Import.Tests.Support;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;

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
    await RenderAsync(import);
    return 0;
}
finally
{
    File.Delete(path);
}

// Direct Render of the imported scene, wireframe pass at 1k: render-only fps, then rendered-and-encoded MP4 fps.
static async Task RenderAsync(GltfImport import)
{
    var scene = import.Scene;
    var shot = scene.Shots[0] with { Duration = 5, Fps = 24 };
    var size = FrameSize.For(shot.Aspect, ResolutionPreset.OneK);
    var setup = Stopwatch.StartNew();
    var renderer = new FrameRenderer(scene); // welds vertices and classifies edges once per scene
    var setupSeconds = setup.Elapsed.TotalSeconds;
    var frame = new RgbaFrame(size);
    for (var i = 0; i < 5; i++)
    {
        renderer.Render(shot, shot.FrameTime(i), RenderPass.Wireframe, frame);
    }

    var frames = 48;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < frames; i++)
    {
        renderer.Render(shot, shot.FrameTime(i), RenderPass.Wireframe, frame);
    }

    var renderFps = frames / clock.Elapsed.TotalSeconds;
    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / frames;
    var output = Path.Combine(Path.GetTempPath(), "previz-import-bench-wireframe.mp4");
    clock.Restart();
    await DirectRenderer.RenderToMp4Async(scene, shot, RenderPass.Wireframe, ResolutionPreset.OneK, output);
    var mp4Fps = shot.FrameCount / clock.Elapsed.TotalSeconds;
    File.Delete(output);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"wireframe resolution={size.Width}x{size.Height} triangles={import.TriangleCount} setup_s={setupSeconds:0.00} render_fps={renderFps:0.0} cpu_ms_per_frame={cpuMs:0.0} cores={Environment.ProcessorCount} mp4_frames={shot.FrameCount} mp4_fps={mp4Fps:0.0} (the MP4 time includes the setup)"));
}

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
