// Direct Render benchmark: renders a shot to MP4 once per pass, and as the reference has ffmpeg alone encode the same
// number of raw frames of the same size with the same settings, fed from memory. Prints one line per pass:
//   pass=wireframe frames=240 seconds=S fps=F limit_fps=L ratio=F/L
// Usage: Previz.Bench [render] [--scene FILE] [--seconds 10] [--fps 24] [--resolution 2k] [--passes wireframe,shaded,depth]
//                             [--repeat 3] [--out DIR] [--characters N [--character-vertices 20000] [--characters-still]]
//          Reference and Direct Render runs alternate; each figure is the median of --repeat runs.
//        Previz.Bench profile [same options]
//          CPU time per frame (steady under load): render alone (one thread and all), x264 alone, and the whole
//          Direct Render (our process + ffmpeg), with the ratio those CPU costs predict on a saturated machine.
//        Previz.Bench stills DIR          (PNG stills of every pass, for looking at)
//        Previz.Bench time PASS [THREADS] (render-only cost per frame, no encoding)
//        Previz.Bench guide [--seconds 5] [--repeat 3] [--model wan-2.2-vace-depth]
//          Preparing a guide video as From Animation does (see GuideBench).
//        Previz.Bench skinning [VERTICES]  (linear blend skinning per frame on one core, default 50,000 vertices)
using System.Diagnostics;
using System.Globalization;
using Previz.Bench;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Stills;

var mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "render";
if (mode == "skinning")
{
    return SkinningBench.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000);
}

var (scene, source) = BenchScene.Load(BenchSettings.Option(args, "--scene"));
if (BenchSettings.Option(args, "--characters") is { } characters)
{
    // Skinned characters on the pitch, each deformed every frame (issue 22's render bench: ten of 20,000 vertices).
    var vertices = BenchSettings.Option(args, "--character-vertices") is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : 20_000;
    var still = args.Contains("--characters-still");
    scene = SkinnedCharacter.AddTo(scene, int.Parse(characters, CultureInfo.InvariantCulture), vertices, animated: !still);
    source += $" + {characters} {(still ? "still" : "skinned")} characters of {vertices:N0} vertices";
}

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

            var cpu = CpuTimes.Now();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < shot.FrameCount; i++)
            {
                renderer.Render(shot, shot.FrameTime(i), pass, frame);
            }

            var cpuMs = (CpuTimes.Now() - cpu).Self.TotalMilliseconds / shot.FrameCount;
            Console.WriteLine($"pass={pass.ToName()} wall_ms={clock.Elapsed.TotalMilliseconds / shot.FrameCount:0.00} cpu_ms={cpuMs:0.00}");
            return 0;
        }

    case "guide":
        return await GuideBench.RunAsync(scene, args);

    case "profile":
        return await Benchmark.ProfileAsync(scene, BenchSettings.Parse(args));

    default:
        return await Benchmark.RunAsync(scene, BenchSettings.Parse(args));
}
