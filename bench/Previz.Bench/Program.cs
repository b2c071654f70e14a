// Direct Render benchmark: renders a shot to MP4 once per pass, and as the reference has ffmpeg alone encode the same
// number of raw frames of the same size with the same settings, fed from memory. Prints one line per pass:
//   pass=wireframe frames=240 seconds=S fps=F limit_fps=L ratio=F/L
// Usage: Previz.Bench [render] [--scene FILE] [--seconds 10] [--fps 24] [--resolution 2k] [--passes wireframe,shaded,depth] [--out DIR]
//        Previz.Bench stills DIR          (PNG stills of every pass, for looking at)
//        Previz.Bench time PASS [THREADS] (render-only cost per frame, no encoding)
using System.Diagnostics;
using System.Globalization;
using Previz.Bench;
using Previz.Core.Scenes;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Stills;
using Previz.Rendering.Video;

var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "render";
var (scene, source) = BenchScene.Load(Option(args, "--scene"));
Console.Error.WriteLine($"scene: {source}");
var firstShot = scene.Shots[0];

switch (mode)
{
    case "stills":
    {
        var renderer = new FrameRenderer(scene);
        foreach (var pass in Enum.GetValues<RenderPass>())
        {
            foreach (var t in new[] { 0.0, firstShot.Duration / 2 })
            {
                var frame = renderer.Render(firstShot, firstShot.Start + t, pass, FrameSize.For(firstShot.Aspect, ResolutionPreset.TwoK));
                await StillWriter.SavePngAsync(frame, Path.Combine(args[1], $"{pass.ToName()}-{t:0.#}.png"));
            }
        }

        return 0;
    }

    case "time":
    {
        var renderer = new FrameRenderer(scene, new FrameRendererOptions { MaxDegreeOfParallelism = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : null });
        var frame = new RgbaFrame(FrameSize.For(firstShot.Aspect, ResolutionPreset.TwoK));
        var pass = RenderPasses.TryParse(args[1], out var p) ? p.Value : throw new ArgumentException("pass");
        var shot = firstShot with { Duration = 10, Fps = 24 };
        for (var i = 0; i < 24; i++)
        {
            renderer.Render(shot, shot.FrameTime(i), pass, frame);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < shot.FrameCount; i++)
        {
            renderer.Render(shot, shot.FrameTime(i), pass, frame);
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / shot.FrameCount;
        Console.WriteLine($"pass={pass.ToName()} wall_ms={clock.Elapsed.TotalMilliseconds / shot.FrameCount:0.00} cpu_ms={cpuMs:0.00}");
        return 0;
    }

    default:
        return await RunBenchmarkAsync(scene, args);
}

static async Task<int> RunBenchmarkAsync(SceneDocument scene, string[] args)
{
    var seconds = double.Parse(Option(args, "--seconds") ?? "10", CultureInfo.InvariantCulture);
    var fps = double.Parse(Option(args, "--fps") ?? "24", CultureInfo.InvariantCulture);
    var resolution = ResolutionPresets.TryParse(Option(args, "--resolution") ?? "2k", out var r) ? r.Value : throw new ArgumentException("--resolution");
    var passes = (Option(args, "--passes") ?? "wireframe,shaded,depth").Split(',')
        .Select(n => RenderPasses.TryParse(n, out var p) ? p.Value : throw new ArgumentException($"unknown pass {n}")).ToList();
    var outDir = Option(args, "--out") ?? Path.Combine(Path.GetTempPath(), "previz-bench");
    Directory.CreateDirectory(outDir);

    var shot = scene.Shots[0] with { Duration = seconds, Fps = fps };
    var size = FrameSize.For(shot.Aspect, resolution);
    var rate = FrameRate.FromFps(shot.Fps);
    var ffmpeg = FfmpegOptions.Default;
    foreach (var pass in passes)
    {
        // Reference: ffmpeg alone, fed one second of pre-rendered frames of this pass over and over from memory.
        var samples = ShotRenderer.Frames(scene, shot, pass, size).Take(Math.Min(shot.FrameCount, (int)Math.Ceiling(fps)))
            .Select(f => f.Frame.Pixels.ToArray()).ToList();
        var clock = Stopwatch.StartNew();
        await using (var writer = FfmpegVideoWriter.Start(Path.Combine(outDir, $"reference-{pass.ToName()}.mp4"), size, rate, ffmpeg))
        {
            for (var i = 0; i < shot.FrameCount; i++)
            {
                await writer.WriteFrameAsync(samples[i % samples.Count]);
            }

            await writer.CompleteAsync();
        }

        var limitFps = shot.FrameCount / clock.Elapsed.TotalSeconds;

        clock.Restart();
        await DirectRenderer.RenderToMp4Async(scene, shot, pass, resolution, Path.Combine(outDir, $"direct-{pass.ToName()}.mp4"));
        var elapsed = clock.Elapsed.TotalSeconds;
        var directFps = shot.FrameCount / elapsed;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"pass={pass.ToName()} frames={shot.FrameCount} seconds={elapsed:0.00} fps={directFps:0.0} limit_fps={limitFps:0.0} ratio={directFps / limitFps:0.00}"));
    }

    return 0;
}

static string? Option(string[] args, string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
