using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Previz.JobsBench;
using Previz.Testing;

// bench/jobs.sh: N concurrent hosted-model jobs through a real "previz serve" process against a loopback vendor whose
// jobs finish WorkTime after their submit. ideal_s is what a zero-overhead orchestrator needs: the time to create the
// jobs plus the vendor's work time; wall_s runs from the first create until the server's event stream reports the
// last job finished (stored in the gallery).
var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var workSeconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2.0;
var root = args.Length > 2 ? args[2] : Directory.GetCurrentDirectory();
var warmup = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
var data = Path.Combine(Path.GetTempPath(), $"previz-jobs-bench-{Guid.NewGuid():N}");

var clipPath = Path.Combine(Path.GetTempPath(), $"previz-bench-clip-{Guid.NewGuid():N}.mp4");
Run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
    "-metadata", $"comment={BenchClip.Marker}", "-y", clipPath);
var clip = await File.ReadAllBytesAsync(clipPath);
File.Delete(clipPath);

await using var vendor = await LoopbackVendor.StartAsync(clip);
vendor.WorkTime = TimeSpan.FromSeconds(workSeconds);
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
start.Environment["Studio__AllowRawHostedRequests"] = "true";
foreach (var name in new[] { "Studio__Jobs__PollingInterval", "Studio__Jobs__HostedWorkers", "Studio__Jobs__CreateConcurrency", "PREVIZ_DATABASE" })
{
    if (Environment.GetEnvironmentVariable(name) is { } value)
    {
        start.Environment[name] = value;
    }
}
using var server = Process.Start(start)!;
// A crash of the bench must not leave the server running.
AppDomain.CurrentDomain.UnhandledException += (_, _) => { try { server.Kill(); } catch (InvalidOperationException) { } };
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("previz: " + e.Data); };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
for (var i = 0; ; i++)
{
    try
    {
        using var health = await client.GetAsync("/health");
        if (health.IsSuccessStatusCode)
        {
            break;
        }
    }
    catch (HttpRequestException) when (i < 1500 && !server.HasExited)
    {
        // Still starting (slow on a busy machine).
    }

    await Task.Delay(200);
}

var scene = await File.ReadAllBytesAsync(Path.Combine(root, "samples", "stadium.previz.json"));
using var upload = await client.PostAsync("/api/scenes?fileName=stadium.previz.json", new ByteArrayContent(scene));
var sceneId = (string)(await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

if (warmup > 0)
{
    // A server that has run jobs before: its code is compiled and its pools are filled (not measured).
    await using var warm = await TerminalWatch.StartAsync(client.BaseAddress!, warmup);
    await CreateAsync(warmup, "warm-up");
    await warm.Done.WaitAsync(TimeSpan.FromMinutes(10));
}

server.Refresh();
var cpuBefore = server.TotalProcessorTime.TotalSeconds;
var statusBefore = vendor.StatusRequests;
var earlyBefore = vendor.EarlyPolls.Count;
var submitsBefore = vendor.Submits;
await using var watch = await TerminalWatch.StartAsync(client.BaseAddress!, jobs);
// For profilers attached from outside (perf record -p): the measured phase starts now.
Console.Error.WriteLine($"# measuring: server pid {server.Id}");
var phaseCpu = PhaseCpu.Start(server.Id, vendor, submitsBefore, jobs);
var clock = Stopwatch.StartNew();
var ids = await CreateAsync(jobs, "job");
var createSeconds = clock.Elapsed.TotalSeconds;

await watch.Done.WaitAsync(TimeSpan.FromMinutes(10));
var wall = clock.Elapsed.TotalSeconds;
var measured = ids.ToHashSet();
var list = (await client.GetFromJsonAsync<JsonArray>($"/api/generations?take={jobs + warmup + 10}"))!
    .Select(g => g!.AsObject()).Where(g => measured.Contains((string)g["id"]!)).ToList();
var succeeded = list.Count(g => (string)g["state"]! == "succeeded");
var statusRequests = vendor.StatusRequests - statusBefore;
var submits = vendor.Submits - submitsBefore;

// Where each job's time went, from its own timestamps: created → picked up by a worker (start) → submitted → finished.
var phases = list.Where(g => g["submittedAt"] is not null && g["finishedAt"] is not null).Select(g => (
    Start: (Time(g, "startedAt") - Time(g, "createdAt")).TotalSeconds,
    Submit: (Time(g, "submittedAt") - Time(g, "startedAt")).TotalSeconds,
    Finish: (Time(g, "finishedAt") - Time(g, "submittedAt")).TotalSeconds)).ToList();
// How long after the vendor had each clip ready the server had it stored: the orchestrator's own delay per job, which,
// unlike overhead_pct, does not shrink when creating the jobs gets slower.
var afterVendor = list.Where(g => g["finishedAt"] is not null && g["vendorRequestId"] is not null)
    .Select(g => (Time(g, "finishedAt") - vendor.CompletionOf((string)g["vendorRequestId"]!).UtcDateTime).TotalSeconds)
    .ToList();
// PREVIZ_BENCH_TIMELINE=FILE: each job's timestamps in seconds since the first create, to see where a tail comes from.
if (Environment.GetEnvironmentVariable("PREVIZ_BENCH_TIMELINE") is { Length: > 0 } timeline)
{
    var first = list.Min(g => Time(g, "createdAt"));
    string Seconds(JsonObject g, string field) => g[field] is null ? "" : (Time(g, field) - first).TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
    await File.WriteAllLinesAsync(timeline, list.Where(g => g["finishedAt"] is not null).Select(g =>
        $"{Seconds(g, "createdAt")},{Seconds(g, "startedAt")},{Seconds(g, "submittedAt")},{Seconds(g, "finishedAt")}"));
}

var ideal = createSeconds + workSeconds;
var peakRss = PeakRssMb(server.Id);
server.Refresh();
var cpu = server.TotalProcessorTime.TotalSeconds;
var toolsCpu = ProcStat.ChildrenCpuSeconds(server.Id);
var phaseFigures = await phaseCpu.DescribeAsync(cpu, jobs);
server.Kill();
await server.WaitForExitAsync();
// Distinct clips and posters stored (warm-up jobs included): each job's clip is its own, as from a real vendor.
var media = Path.Combine(data, "media");
var storedClips = Directory.Exists(media) ? Directory.GetFiles(media, "*.mp4").Length : 0;
var storedPosters = Directory.Exists(media) ? Directory.GetFiles(media, "*.jpg").Length : 0;
try
{
    Directory.Delete(data, true);
}
catch (IOException)
{
}

// The definition goes with every figure: a slow create raises ideal_s too, so create_ms_per_job is printed beside it.
Console.WriteLine("# wall_s: first create call until the event stream reports every job terminal. ideal_s = create_s (creating all jobs, 32 calls at a time) + vendor_s (the vendor's work time). overhead_pct = (wall_s - ideal_s) / ideal_s * 100. after_vendor_*_s: from the vendor having a job's clip ready to the server having it stored.");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"jobs={jobs} wall_s={wall:0.00} ideal_s={ideal:0.00} overhead_pct={(wall - ideal) / ideal * 100:0.0} status_requests_per_job={(double)statusRequests / jobs:0.00} status_requests={statusRequests} early_polls={vendor.EarlyPolls.Count - earlyBefore} early_poll_max_ms={vendor.EarlyPolls.Skip(earlyBefore).DefaultIfEmpty(TimeSpan.Zero).Max().TotalMilliseconds:0.0} peak_rss_mb={peakRss:0} succeeded={succeeded} submits={submits} stored_clips={storedClips} stored_posters={storedPosters} warmup_jobs={warmup} create_s={createSeconds:0.00} create_ms_per_job={createSeconds * 1000 / jobs:0.0} server_cpu_s={cpu:0.0} measured_cpu_ms_per_job={(cpu - cpuBefore) * 1000 / jobs:0.0} tools_cpu_s={toolsCpu:0.0} after_vendor_mean_s={afterVendor.DefaultIfEmpty(double.NaN).Average():0.00} after_vendor_max_s={afterVendor.DefaultIfEmpty(double.NaN).Max():0.00}{phaseFigures}"));
if (phases.Count > 0)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"phases_s (mean/max): created_to_started={phases.Average(p => p.Start):0.00}/{phases.Max(p => p.Start):0.00} started_to_submitted={phases.Average(p => p.Submit):0.00}/{phases.Max(p => p.Submit):0.00} submitted_to_finished={phases.Average(p => p.Finish):0.00}/{phases.Max(p => p.Finish):0.00} (vendor {workSeconds:0.00})"));
}

return succeeded == jobs && submits == jobs ? 0 : 1;

// Creates `count` jobs, 32 calls at a time, and returns their ids.
async Task<string[]> CreateAsync(int count, string label)
{
    using var gate = new SemaphoreSlim(32);
    return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
    {
        await gate.WaitAsync();
        try
        {
            using var created = await client.PostAsJsonAsync("/api/generations", new JsonObject
            {
                ["sceneId"] = sceneId,
                ["shotId"] = "breakaway",
                ["modelId"] = "bench-video",
                ["hostedRequest"] = new JsonObject { ["provider"] = "fal", ["endpoint"] = LoopbackVendor.FalEndpoint, ["body"] = new JsonObject { ["prompt"] = $"{label} {i}" } },
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

static DateTime Time(JsonObject generation, string name) =>
    DateTime.Parse((string)generation[name]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

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
