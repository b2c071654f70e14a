using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Previz.JobsBench;

// bench/jobs.sh: N concurrent hosted-model jobs through a real "previz serve" process against a loopback vendor whose
// jobs finish WorkTime after their submit. ideal_s is what a zero-overhead orchestrator needs: the time to create the
// jobs plus the vendor's work time; wall_s runs from the first create until the last job is stored in the gallery.
var jobs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var workSeconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2.0;
var root = args.Length > 2 ? args[2] : Directory.GetCurrentDirectory();
var data = Path.Combine(Path.GetTempPath(), $"previz-jobs-bench-{Guid.NewGuid():N}");

var clipPath = Path.Combine(Path.GetTempPath(), $"previz-bench-clip-{Guid.NewGuid():N}.mp4");
Run("ffmpeg", "-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-y", clipPath);
var clip = await File.ReadAllBytesAsync(clipPath);
File.Delete(clipPath);

await using var vendor = await LoopbackVendor.StartAsync(clip, TimeSpan.FromSeconds(workSeconds));
var port = FreePort();
var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "previz.dll"), "serve", "--urls", $"http://127.0.0.1:{port}" })
{
    start.ArgumentList.Add(a);
}

start.Environment["PREVIZ_DATA"] = data;
start.Environment["FAL_KEY"] = "bench-key";
start.Environment["Providers__Fal__QueueUrl"] = vendor.BaseUri.ToString();
start.Environment["Studio__AllowRawHostedRequests"] = "true";
start.Environment["Logging__LogLevel__Default"] = "Warning";
foreach (var name in new[] { "Studio__Jobs__PollingInterval", "Studio__Jobs__HostedWorkers", "PREVIZ_DATABASE" })
{
    if (Environment.GetEnvironmentVariable(name) is { } value)
    {
        start.Environment[name] = value;
    }
}
using var server = Process.Start(start)!;
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
    catch (HttpRequestException) when (i < 300)
    {
    }

    await Task.Delay(200);
}

var scene = await File.ReadAllBytesAsync(Path.Combine(root, "samples", "stadium.previz.json"));
using var upload = await client.PostAsync("/api/scenes?fileName=stadium.previz.json", new ByteArrayContent(scene));
var sceneId = (string)(await upload.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

var clock = Stopwatch.StartNew();
using var gate = new SemaphoreSlim(32);
var ids = await Task.WhenAll(Enumerable.Range(0, jobs).Select(async i =>
{
    await gate.WaitAsync();
    try
    {
        using var created = await client.PostAsJsonAsync("/api/generations", new JsonObject
        {
            ["sceneId"] = sceneId,
            ["shotId"] = "breakaway",
            ["modelId"] = "bench-video",
            ["hostedRequest"] = new JsonObject { ["provider"] = "fal", ["endpoint"] = LoopbackVendor.Endpoint, ["body"] = new JsonObject { ["prompt"] = $"job {i}" } },
        });
        created.EnsureSuccessStatusCode();
        return (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }
    finally
    {
        gate.Release();
    }
}));
var createSeconds = clock.Elapsed.TotalSeconds;

int succeeded;
int terminal;
while (true)
{
    var list = (await client.GetFromJsonAsync<JsonArray>($"/api/generations?take={jobs + 10}"))!;
    succeeded = list.Count(g => (string)g!["state"]! == "succeeded");
    terminal = list.Count(g => (string)g!["state"]! is "succeeded" or "failed" or "canceled");
    if (terminal >= jobs || clock.Elapsed > TimeSpan.FromMinutes(10))
    {
        break;
    }

    await Task.Delay(100);
}

var wall = clock.Elapsed.TotalSeconds;
var ideal = createSeconds + workSeconds;
var peakRss = PeakRssMb(server.Id);
server.Refresh();
var cpu = server.TotalProcessorTime.TotalSeconds;
server.Kill();
await server.WaitForExitAsync();
try
{
    Directory.Delete(data, true);
}
catch (IOException)
{
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"jobs={jobs} wall_s={wall:0.00} ideal_s={ideal:0.00} overhead_pct={(wall - ideal) / ideal * 100:0.0} status_requests_per_job={(double)vendor.StatusRequests / jobs:0.00} peak_rss_mb={peakRss:0} succeeded={succeeded} submits={vendor.Submits} create_s={createSeconds:0.00} server_cpu_s={cpu:0.0}"));
return succeeded == jobs && vendor.Submits == jobs ? 0 : 1;

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
