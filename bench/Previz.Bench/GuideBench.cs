using System.Diagnostics;
using System.Globalization;
using Previz.Core.Catalog;
using Previz.Core.Scenes;
using Previz.Providers.Inputs;

namespace Previz.Bench;

/// <summary>
/// Preparing a guide video the way From Animation does (<see cref="GuideVideoRenderer"/>: the model's pass of the shot,
/// rendered and encoded to MP4 at its size and timing, read back into memory) for the first shot cut to --seconds, at
/// 720p (1280 px long edge) with fal Wan VACE's limits; the median of --repeat runs after one warm-up.
/// Prints "guide pass=depth seconds=5 frames=81 fps=16 size=1280x720 bytes=… wall_s=… cpu_s=… load=…": cpu_s (this
/// process and its ffmpeg) hardly moves on a busy machine, where wall_s does.
/// </summary>
internal static class GuideBench
{
    public static async Task<int> RunAsync(SceneDocument scene, string[] args)
    {
        var seconds = double.Parse(BenchSettings.Option(args, "--seconds") ?? "5", CultureInfo.InvariantCulture);
        var repeat = int.Parse(BenchSettings.Option(args, "--repeat") ?? "3", CultureInfo.InvariantCulture);
        var spec = ModelCatalog.Default.Get(BenchSettings.Option(args, "--model") ?? "wan-2.2-vace-depth").Inputs.GuideVideo
            ?? throw new ArgumentException("--model takes no guide video");
        var shot = scene.Shots[0] with { Duration = seconds, Aspect = AspectRatio.Landscape16x9 };
        var timing = spec.TimingFor(seconds) ?? throw new ArgumentException($"a {seconds} s shot is outside the guide's limits ({spec.LimitsText()})");

        // --preset: compare x264 presets (the product uses Direct Render's default).
        var options = BenchSettings.Option(args, "--preset") is { } preset
            ? new Previz.Rendering.DirectRenderOptions { Ffmpeg = Previz.Rendering.Video.FfmpegOptions.Default with { Preset = preset } }
            : null;
        var times = new List<double>();
        var cpus = new List<double>();
        GuideVideo? video = null;
        for (var run = 0; run <= repeat; run++)
        {
            var cpu = CpuTimes.Now();
            var clock = Stopwatch.StartNew();
            video = await GuideVideoRenderer.RenderAsync(scene, shot, spec, timing, shot.Aspect, 1280, 720, options, CancellationToken.None);
            if (run > 0)
            {
                times.Add(clock.Elapsed.TotalSeconds);
                cpus.Add((CpuTimes.Now() - cpu).Total.TotalSeconds);
            }
        }

        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"guide pass={spec.Pass.ToString().ToLowerInvariant()} seconds={seconds} frames={timing.Frames} fps={timing.Fps} size={video!.Width}x{video.Height} bytes={video.Content.Length} wall_s={Median.Of(times):0.000} min_s={times.Min():0.000} cpu_s={Median.Of(cpus):0.000} load={load}"));
        return 0;
    }
}
