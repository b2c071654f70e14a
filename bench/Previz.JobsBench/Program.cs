using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Previz.JobsBench;
using Previz.Testing;

// bench/jobs.sh: what a studio sees. N hosted jobs created the way the API creates them (Kling 2.6 Pro, start frame from
// an uploaded image, planned and priced) through a real "previz serve" against the loopback vendor, whose clips take
// between min and max seconds, spread evenly. It reports what the product controls, not the vendor's pace or the poll
// policy: how late steps start against their due time, how long a ready clip takes to be stored, CPU per job (ffmpeg
// children included), peak RSS, and that every job ends stored with one submit.
var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var minSeconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var maxSeconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 60;
var root = args.Length > 3 ? args[3] : Directory.GetCurrentDirectory();
var data = Path.Combine(Path.GetTempPath(), $"previz-jobs-bench-{Guid.NewGuid():N}");

var clipPath = Path.Combine(Path.GetTempPath(), $"previz-bench-clip-{Guid.NewGuid():N}.mp4");
var imagePath = Path.Combine(Path.GetTempPath(), $"previz-bench-start-{Guid.NewGuid():N}.png");
Run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=5", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
    "-metadata", $"comment={BenchClip.Marker}", "-y", clipPath);
Run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=1280x720", "-frames:v", "1", "-y", imagePath);
var clip = await File.ReadAllBytesAsync(clipPath);
var image = await File.ReadAllBytesAsync(imagePath);
File.Delete(clipPath);
File.Delete(imagePath);

// Work times min, …, max in submit order: evenly spread over the jobs.
var submitted = 0;
await using var vendor = await LoopbackVendor.StartAsync(clip);
vendor.WorkTimes = () =>
{
    var n = Interlocked.Increment(ref submitted) - 1;
    return TimeSpan.FromSeconds(jobs <= 1 ? minSeconds : minSeconds + ((maxSeconds - minSeconds) * (n % jobs) / (jobs - 1)));
};
vendor.ClipOf = id => BenchClip.WithId(clip, id);

var port = FreePort();
var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "previz.dll"), "serve", "--urls", $"http://127.0.0.1:{port}" })
{
    start.ArgumentList.Add(a);
}

start.Environment["PREVIZ_DATA"] = data;
start.Environment["FAL_KEY"] = "bench-key";
start.Environment["Providers__Fal__QueueUrl"] = vendor.FalQueueUrl.ToString();
start.Environment["Providers__Fal__StorageUrl"] = vendor.FalStorageUrl.ToString();
// The jobs' own account of when each step started and when each clip was stored (debug lines, read below).
start.Environment["Logging__LogLevel__Previz.Studio.Jobs.GenerationJobs"] = "Debug";
foreach (var name in new[] { "Studio__Jobs__PollingInterval", "Studio__Jobs__HostedWorkers", "Studio__Jobs__PollConcurrency", "PREVIZ_DATABASE" })
{
    if (Environment.GetEnvironmentVariable(name) is { } value)
    {
        start.Environment[name] = value;
    }
}

using var server = Process.Start(start)!;
// A crash of the bench must not leave the server running.
AppDomain.CurrentDomain.UnhandledException += (_, _) => { try { server.Kill(); } catch (InvalidOperationException) { } };
var lines = new ConcurrentQueue<string>();
server.OutputDataReceived += (_, e) => { if (e.Data is not null) lines.Enqueue(e.Data); };
server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("previz: " + e.Data); };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
await WaitForHealthAsync();

var scene = await File.ReadAllBytesAsync(Path.Combine(root, "samples", "stadium.previz.json"));
using var upload = await client.PostAsync("/api/scenes?fileName=stadium.previz.json", new ByteArrayContent(scene));
var sceneId = (string)(await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
using var imageUpload = await client.PostAsync("/api/images", new ByteArrayContent(image));
var imageId = (string)(await imageUpload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

var cpuBefore = ProcStat.CpuSeconds(server.Id) + ProcStat.ChildrenCpuSeconds(server.Id);
await using var watch = await TerminalWatch.StartAsync(client.BaseAddress!, jobs);
var clock = Stopwatch.StartNew();
var ids = await CreateAsync(jobs);
var createSeconds = clock.Elapsed.TotalSeconds;
await watch.Done.WaitAsync(TimeSpan.FromSeconds((maxSeconds * 4) + 600));
var wall = clock.Elapsed.TotalSeconds;
// ffmpeg children are counted once the server has waited for them: all have been by the time the last job is stored.
var cpu = ProcStat.CpuSeconds(server.Id) + ProcStat.ChildrenCpuSeconds(server.Id) - cpuBefore;
var peakRss = PeakRssMb(server.Id);

var measured = ids.ToHashSet();
var list = (await client.GetFromJsonAsync<JsonArray>($"/api/generations?take={jobs + 10}"))!
    .Select(g => g!.AsObject()).Where(g => measured.Contains((string)g["id"]!)).ToList();
var succeeded = list.Count(g => (string)g["state"]! == "succeeded");
var onceEach = vendor.SubmittedPrompts.GroupBy(p => p.Split('\n')[0]).Count(g => g.Count() == 1);
server.Kill();
await server.WaitForExitAsync();
try
{
    Directory.Delete(data, true);
}
catch (IOException)
{
}

var polls = Figures(PollLate());
var submits = Figures(SubmitLate());
var stored = Figures(ReadyToStored());
var late = Figures([.. PollLate(), .. SubmitLate()]);
Console.WriteLine("# step_late: a step's start against its due time (a poll against its NextPollAt, a submit against the create); ready_to_stored: from the poll that finds the clip ready to the gallery item with its poster committed; cpu_s_per_job: the server's CPU and its ffmpeg children's over the measured phase, per job.");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"jobs={jobs} vendor_s={minSeconds:0.#}-{maxSeconds:0.#} wall_s={wall:0.0} create_s={createSeconds:0.0} succeeded={succeeded} lost={jobs - succeeded} submits={vendor.Submits} one_submit_each={onceEach == jobs} " +
    $"step_late_p50_s={late.P50:0.00} step_late_p95_s={late.P95:0.00} step_late_max_s={late.Max:0.00} poll_late_p95_s={polls.P95:0.00} submit_late_p95_s={submits.P95:0.00} " +
    $"ready_to_stored_p50_s={stored.P50:0.00} ready_to_stored_p95_s={stored.P95:0.00} ready_to_stored_max_s={stored.Max:0.00} " +
    $"status_requests_per_job={(double)vendor.StatusRequests / jobs:0.0} cpu_s_per_job={cpu / jobs:0.000} peak_rss_mb={peakRss:0}"));
return succeeded == jobs && onceEach == jobs ? 0 : 1;

IEnumerable<double> PollLate() => Measured(PollStarted());

IEnumerable<double> SubmitLate() => Measured(SubmitStarted());

IEnumerable<double> ReadyToStored() => Measured(Stored());

IEnumerable<double> Measured(Regex pattern) => lines.Select(l => pattern.Match(l)).Where(m => m.Success && measured.Contains(m.Groups[1].Value))
    .Select(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) / 1000);

// Creates the jobs, 8 calls at a time (what several users' panels send), and returns their ids.
async Task<string[]> CreateAsync(int count)
{
    using var gate = new SemaphoreSlim(8);
    return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            using var created = await client.PostAsJsonAsync("/api/generations", new JsonObject
            {
                ["sceneId"] = sceneId,
                ["shotId"] = "breakaway",
                ["mode"] = "start-frame",
                ["modelId"] = "kling-2.6-pro",
                ["options"] = new JsonObject { ["startFrame"] = $"image:{imageId}" },
                ["prompt"] = new JsonObject { ["scene"] = $"job {i}." },
            });
            created.EnsureSuccessStatusCode();
            return (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }
        finally
        {
            gate.Release();
        }
    }));
}

async Task WaitForHealthAsync()
{
    for (var i = 0; ; i++)
    {
        try
        {
            using var health = await client.GetAsync("/health");
            if (health.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException) when (i < 1500 && !server.HasExited)
        {
            // Still starting (slow on a busy machine).
        }

        await Task.Delay(200);
    }
}

static (double P50, double P95, double Max) Figures(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    if (sorted.Length == 0)
    {
        return (double.NaN, double.NaN, double.NaN);
    }

    double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    return (At(0.5), At(0.95), sorted[^1]);
}

static double PeakRssMb(int pid)
{
    foreach (var line in File.ReadLines($"/proc/{pid}/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
    }

    return double.NaN;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static void Run(string file, params string[] arguments)
{
    var info = new ProcessStartInfo(file) { UseShellExecute = false };
    foreach (var a in arguments)
    {
        info.ArgumentList.Add(a);
    }

    using var process = Process.Start(info)!;
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} failed with {process.ExitCode}");
    }
}

internal partial class Program
{
    [GeneratedRegex(@"Generation ([0-9a-f-]{36}): poll started (-?\d+) ms after it was due")]
    private static partial Regex PollStarted();

    [GeneratedRegex(@"Generation ([0-9a-f-]{36}): submit started (-?\d+) ms after it was queued")]
    private static partial Regex SubmitStarted();

    [GeneratedRegex(@"Generation ([0-9a-f-]{36}) stored as gallery item [0-9a-f-]{36}, (\d+) ms after the vendor said it was ready")]
    private static partial Regex Stored();
}
