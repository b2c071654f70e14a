using System.Diagnostics;
using System.Globalization;
using Previz.Bench;
using Previz.Providers.Generation;
using Previz.Rendering.Video;

// bench/media.sh: the media work of a finished job, in-process (libprevizmedia.so) against ffprobe/ffmpeg processes,
// on a 2 s 320×180 H.264 clip like the jobs bench's vendor clip. Each operation runs N times one after another; prints
//   op=probe path=in-process calls=100 wall_s=… cpu_s=… cpu_ms_per_call=…
// where cpu_s counts this process and its ffprobe/ffmpeg children. "finish" is GenerationFinisher on the clip
// (probe, stream copy, probe again), the way a hosted-model job ends.
// Usage: Previz.MediaBench [calls=100] [size=320x180] [seconds=2]: a larger size and length (1920x1080 5) stand for a
// hosted model's real clip, encoded with B-frames as vendors do ("-preset medium" instead of "ultrafast").
var calls = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var size = args.Length > 1 ? args[1] : "320x180";
var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 2;
var small = size == "320x180" && seconds <= 2;
if (!LibavMedia.IsAvailable)
{
    Console.Error.WriteLine("libprevizmedia.so is not loaded (PREVIZ_MEDIA_PROCESSES=1, or FFmpeg's dev packages missing at build time).");
    return 2;
}

var folder = Directory.CreateTempSubdirectory("previz-media-bench-").FullName;
try
{
    var clip = Path.Combine(folder, "clip.mp4");
    Run("ffmpeg", "-f", "lavfi", "-i", string.Create(CultureInfo.InvariantCulture, $"testsrc=size={size}:rate=24:duration={seconds}"), "-c:v", "libx264",
        "-preset", small ? "ultrafast" : "medium", "-pix_fmt", "yuv420p", clip);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"clip: {size}, {seconds} s, {new FileInfo(clip).Length / 1024} KiB"));
    var remuxed = Path.Combine(folder, "remuxed.mp4");
    var poster = Path.Combine(folder, "poster.jpg");
    var finished = Path.Combine(folder, "finished.mp4");
    Console.Error.WriteLine(LibavMedia.Version);

    var totals = new Dictionary<string, (TimeSpan Wall, TimeSpan Cpu)>();
    async Task MeasureAsync(string operation, string path, Func<Task> call)
    {
        await call(); // warm-up: JIT, page cache, FFmpeg's tables
        var cpu = CpuTimes.Now();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await call();
        }

        var wall = clock.Elapsed;
        var used = (CpuTimes.Now() - cpu).Total;
        if (operation is "probe" or "remux" or "poster")
        {
            var (totalWall, totalCpu) = totals.GetValueOrDefault(path);
            totals[path] = (totalWall + wall, totalCpu + used);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"op={operation} path={path} calls={calls} wall_s={wall.TotalSeconds:0.000} cpu_s={used.TotalSeconds:0.00} cpu_ms_per_call={used.TotalMilliseconds / calls:0.0}"));
    }

    // The same commands the product runs when the library is missing (Ffprobe, GenerationFinisher, MediaStore).
    await MeasureAsync("probe", "in-process", () => LibavMedia.ProbeAsync(clip, CancellationToken.None));
    await MeasureAsync("probe", "processes", () => Task.Run(() => Run("ffprobe", "-count_frames", "-select_streams", "v:0",
        "-show_entries", "stream=codec_name,pix_fmt,width,height,avg_frame_rate,r_frame_rate,nb_read_frames,duration:format=duration",
        "-print_format", "json", clip)));
    // What the finisher reads of a download and of a stream copy: the packets, and the first frame decoded.
    await MeasureAsync("probe-packets", "in-process", () => LibavMedia.ProbePacketsAsync(clip, CancellationToken.None));
    await MeasureAsync("remux", "in-process", () => LibavMedia.RemuxAsync(clip, remuxed, faststart: true, CancellationToken.None));
    await MeasureAsync("remux", "processes", () => Task.Run(() => Run("ffmpeg", "-i", clip, "-map", "0:v:0", "-map", "0:a:0?",
        "-c", "copy", "-movflags", "+faststart", "-f", "mp4", remuxed)));
    await MeasureAsync("poster", "in-process", () => LibavMedia.PosterAsync(clip, poster, 0.667, 640, 4, CancellationToken.None));
    await MeasureAsync("poster", "processes", () => Task.Run(() => Run("ffmpeg", "-ss", "0.667", "-i", clip, "-frames:v", "1",
        "-vf", "scale='min(640,iw)':-2", "-q:v", "4", poster)));
    foreach (var (path, (wall, cpu)) in totals)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"op=probe+remux+poster path={path} calls={calls} wall_s={wall.TotalSeconds:0.000} cpu_s={cpu.TotalSeconds:0.00}"));
    }

    // A finished job end to end, the product's own code both ways (PREVIZ_MEDIA_PROCESSES switches it).
    var finisher = new GenerationFinisher();
    await MeasureAsync("finish", "in-process", () => finisher.FinishVideoAsync(clip, 0, finished, CancellationToken.None));
    Environment.SetEnvironmentVariable(LibavMedia.ProcessesVariable, "1");
    await MeasureAsync("finish", "processes", () => finisher.FinishVideoAsync(clip, 0, finished, CancellationToken.None));
    Environment.SetEnvironmentVariable(LibavMedia.ProcessesVariable, null);
    return 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

static void Run(string program, params string[] args)
{
    var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
    string[] quiet = program == "ffmpeg" ? ["-nostdin", "-y", "-v", "error"] : ["-v", "error"];
    foreach (var arg in (string[])[.. quiet, .. args])
    {
        start.ArgumentList.Add(arg);
    }

    using var process = Process.Start(start)!;
    var error = process.StandardError.ReadToEndAsync();
    _ = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{program} failed: {error.Result}");
    }
}
