using System.Diagnostics;
using System.Globalization;
using Previz.Core.Scenes;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Video;

namespace Previz.Bench;

/// <summary>The render benchmark and its CPU-time profile.</summary>
internal static class Benchmark
{
    /// <summary>
    /// Per pass: ffmpeg alone (the limit) and Direct Render, alternating, <see cref="BenchSettings.Repeat"/> times; prints
    /// the median time and fps of each side and the median of the runs' ratios. Alternating keeps a change in the
    /// machine's load from favouring one side.
    /// </summary>
    public static Task<int> RunAsync(SceneDocument scene, BenchSettings settings) =>
        ForEachPassAsync(scene, settings, async (pass, shot, size, rate) =>
            {
                var samples = Samples(scene, shot, pass, size);
                var limits = new List<double>();
                var directs = new List<double>();
                for (var r = 0; r < settings.Repeat; r++)
                {
                    var limit = await EncodeFromMemoryAsync(samples, shot.FrameCount, size, rate, Output(settings, "reference", pass));
                    var direct = await DirectAsync(scene, shot, pass, settings);
                    limits.Add(limit.TotalSeconds);
                    directs.Add(direct.TotalSeconds);
                    Console.Error.WriteLine(Invariant($"  {pass.ToName()} run {r + 1}: direct {direct.TotalSeconds:0.00} s, reference {limit.TotalSeconds:0.00} s, load {LoadAverage()}"));
                }

                // The ratio is the median of each run's own ratio: a run and its reference see nearly the same load.
                var seconds = Median.Of(directs);
                var fps = shot.FrameCount / seconds;
                var limitFps = shot.FrameCount / Median.Of(limits);
                var ratio = Median.Of(limits.Zip(directs, (l, d) => l / d).ToList());
                Console.WriteLine(Invariant($"pass={pass.ToName()} frames={shot.FrameCount} seconds={seconds:0.00} fps={fps:0.0} limit_fps={limitFps:0.0} ratio={ratio:0.00}"));
            });

    /// <summary>
    /// CPU milliseconds per frame, which a loaded machine hardly changes: rendering alone (one thread and all threads),
    /// x264 alone (ffmpeg's CPU while it encodes frames from memory, and ours feeding it), and the whole Direct Render
    /// (ours: render + feed; ffmpeg's). On a machine whose cores are all busy the wall-clock ratio tends to
    /// reference CPU / Direct Render CPU, printed as cpu_ratio.
    /// </summary>
    public static Task<int> ProfileAsync(SceneDocument scene, BenchSettings settings) =>
        ForEachPassAsync(scene, settings, async (pass, shot, size, rate) =>
            {
                var n = shot.FrameCount;
                var single = RenderCpu(scene, shot, pass, size, 1);
                var all = RenderCpu(scene, shot, pass, size, null);

                var samples = Samples(scene, shot, pass, size);
                var before = CpuTimes.Now();
                await EncodeFromMemoryAsync(samples, n, size, rate, Output(settings, "reference", pass));
                var reference = CpuTimes.Now() - before;

                before = CpuTimes.Now();
                await DirectAsync(scene, shot, pass, settings);
                var direct = CpuTimes.Now() - before;

                Console.WriteLine(Invariant(
                    $"pass={pass.ToName()} render_cpu_ms={single:0.00} render_cpu_ms_all_threads={all:0.00} x264_cpu_ms={Ms(reference.Children, n):0.00} feed_cpu_ms={Ms(reference.Self, n):0.00} direct_cpu_ms={Ms(direct.Self, n):0.00}+{Ms(direct.Children, n):0.00} cpu_ratio={reference.Total / direct.Total:0.00}"));
            });

    /// <summary>
    /// What both modes share: the shot stretched to the bench's length, the load average before and after, a warm-up,
    /// then <paramref name="measurePass"/> for each pass; the output folder is removed unless kept.
    /// </summary>
    private static async Task<int> ForEachPassAsync(SceneDocument scene, BenchSettings settings, Func<RenderPass, Shot, FrameSize, FrameRate, Task> measurePass)
    {
        var (shot, size, rate) = Setup(scene, settings);
        Directory.CreateDirectory(settings.OutDir);
        try
        {
            Console.Error.WriteLine($"load average: {LoadAverage()} (cores: {Environment.ProcessorCount})");
            await WarmUpAsync(scene, shot, settings);
            foreach (var pass in settings.Passes)
            {
                await measurePass(pass, shot, size, rate);
            }

            Console.Error.WriteLine($"load average: {LoadAverage()}");
            return 0;
        }
        finally
        {
            if (!settings.KeepOutput)
            {
                TryDelete(settings.OutDir);
            }
        }
    }

    private static (Shot Shot, FrameSize Size, FrameRate Rate) Setup(SceneDocument scene, BenchSettings settings)
    {
        var shot = scene.Shots[0] with { Duration = settings.Seconds, Fps = settings.Fps };
        return (shot, FrameSize.For(shot.Aspect, settings.Resolution), FrameRate.FromFps(shot.Fps));
    }

    /// <summary>A short Direct Render of every pass first, so that no timed run pays for compiling the code.</summary>
    private static async Task WarmUpAsync(SceneDocument scene, Shot shot, BenchSettings settings)
    {
        foreach (var pass in settings.Passes)
        {
            await DirectRenderer.RenderToMp4Async(scene, shot with { Duration = 12 / shot.Fps }, pass, settings.Resolution, Output(settings, "warm-up", pass));
        }
    }

    /// <summary>One second of the pass's frames (or the whole shot if shorter), fed to the reference over and over.</summary>
    private static List<byte[]> Samples(SceneDocument scene, Shot shot, RenderPass pass, FrameSize size) =>
        ShotRenderer.Frames(scene, shot, pass, size).Take(Math.Min(shot.FrameCount, (int)Math.Ceiling(shot.Fps)))
            .Select(f => f.Frame.Pixels.ToArray()).ToList();

    private static async Task<TimeSpan> EncodeFromMemoryAsync(List<byte[]> samples, int frames, FrameSize size, FrameRate rate, string output)
    {
        var clock = Stopwatch.StartNew();
        await using (var writer = MediaTool.Default.StartEncoder(output, size, rate))
        {
            for (var i = 0; i < frames; i++)
            {
                await writer.WriteFrameAsync(samples[i % samples.Count]);
            }

            await writer.CompleteAsync();
        }

        return clock.Elapsed;
    }

    private static async Task<TimeSpan> DirectAsync(SceneDocument scene, Shot shot, RenderPass pass, BenchSettings settings)
    {
        var clock = Stopwatch.StartNew();
        await DirectRenderer.RenderToMp4Async(scene, shot, pass, settings.Resolution, Output(settings, "direct", pass));
        return clock.Elapsed;
    }

    /// <summary>CPU ms per frame of rendering alone (after a second of warm-up) on <paramref name="threads"/> threads (null: all).</summary>
    private static double RenderCpu(SceneDocument scene, Shot shot, RenderPass pass, FrameSize size, int? threads)
    {
        var renderer = new FrameRenderer(scene, new FrameRendererOptions { MaxDegreeOfParallelism = threads });
        var frame = new RgbaFrame(size);
        for (var i = 0; i < Math.Min(shot.FrameCount, 24); i++)
        {
            renderer.Render(shot, shot.FrameTime(i), pass, frame);
        }

        var before = CpuTimes.Now();
        for (var i = 0; i < shot.FrameCount; i++)
        {
            renderer.Render(shot, shot.FrameTime(i), pass, frame);
        }

        return Ms((CpuTimes.Now() - before).Self, shot.FrameCount);
    }

    private static double Ms(TimeSpan time, int frames) => time.TotalMilliseconds / frames;

    private static string Output(BenchSettings settings, string kind, RenderPass pass) => Path.Combine(settings.OutDir, $"{kind}-{pass.ToName()}.mp4");

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
