using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

// The studio's 3D view in headless Debian chromium (WebGL on SwiftShader), against a real "previz serve":
//  1. frames per second while the free camera orbits the stadium, the canvas at 1280×720;
//  2. an edit's round trip: a numeric field changed in the browser → applied to the draft on the server → the view has
//     drawn the new pose (timed in the page, from the change event to the frame that shows it).
// Usage: Previz.ViewportBench ROOT [orbit_seconds=10] [edits=40]
var root = args[0];
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var edits = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 40;
var data = Path.Combine(Path.GetTempPath(), "previz-viewport-bench", Guid.NewGuid().ToString("N"));
var port = FreePort();
var baseUri = new Uri($"http://127.0.0.1:{port}");
var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "previz.dll"), "serve", "--urls", baseUri.ToString()])
{
    start.ArgumentList.Add(a);
}

start.Environment["PREVIZ_DATA"] = data;
start.Environment["Studio__LoadSamples"] = "true";
start.Environment["Studio__SamplesFolder"] = Path.Combine(root, "samples");
using var server = Process.Start(start)!;
server.OutputDataReceived += (_, _) => { };
server.ErrorDataReceived += (_, _) => { };
server.BeginOutputReadLine();
server.BeginErrorReadLine();
try
{
    using var client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    await WaitHealthyAsync(client);
    var scenes = (await client.GetFromJsonAsync<JsonArray>("/api/scenes"))!;
    var stadium = (string)scenes.First(s => (string?)s!["name"] == "Stadium")!["id"]!;
    using var created = await client.PostAsJsonAsync("/api/scenes/new", new { name = "Round trip" });
    var fresh = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;

    Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Which("chromium"),
        Headless = true,
        Args = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 720 }, BaseURL = baseUri.ToString() });
    page.SetDefaultTimeout(120_000);

    // 1. Orbit the stadium with the view filling a 1280×720 window.
    await page.GotoAsync($"/scenes/{stadium}");
    await page.WaitForFunctionAsync("() => window.__previzViewport && window.__previzViewport.updates > 0");
    await page.AddStyleTagAsync(new PageAddStyleTagOptions { Content = ".scene-view-frame { position: fixed !important; inset: 0 !important; width: 1280px !important; height: 720px !important; max-height: none !important; z-index: 1000; }" });
    await page.WaitForFunctionAsync("() => document.querySelector('canvas.scene-view-canvas').width === 1280");
    var orbit = await page.EvaluateAsync<JsonElementResult>($"() => window.__previzViewport.benchmarkOrbit({seconds.ToString(CultureInfo.InvariantCulture)})");
    var canvas = await page.EvaluateAsync<string>("() => { const c = document.querySelector('canvas.scene-view-canvas'); return c.width + 'x' + c.height; }");
    Console.WriteLine($"viewport_fps={orbit.Fps:0.0} (stadium, canvas {canvas}, {orbit.Frames} frames in {orbit.Seconds:0.0} s while orbiting)");

    // 2. Edits: a box's X position typed in its field, again and again.
    await page.GotoAsync($"/scenes/{fresh}");
    await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save", Exact = true }).WaitForAsync();
    await page.WaitForFunctionAsync("() => window.__previzViewport && window.__previzViewport.updates > 0");
    await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Add object", Exact = true }).ClickAsync();
    await page.Locator("#target-position-x").WaitForAsync();
    var times = new List<double>();
    for (var i = 0; i < edits + 3; i++)
    {
        var ms = await page.EvaluateAsync<double>(
            """
            async x => {
              const v = window.__previzViewport;
              const field = document.querySelector('#target-position-x');
              const before = v.updates;
              const t0 = performance.now();
              field.value = String(x);
              field.dispatchEvent(new Event('change', { bubbles: true }));
              while (!(v.updates > before && v.lastUpdateRenderedAt > t0)) {
                await new Promise(r => requestAnimationFrame(r));
              }
              return v.lastUpdateRenderedAt - t0;
            }
            """,
            (i % 2 == 0 ? 1.5 : -1.5) + (i * 0.01));
        if (i >= 3)
        {
            // The first edits warm up the circuit and the JIT.
            times.Add(ms);
        }
    }

    times.Sort();
    Console.WriteLine($"op_round_trip_p50_ms={Percentile(times, 0.5):0.0} op_round_trip_p95_ms={Percentile(times, 0.95):0.0} (n={times.Count}, max {times[^1]:0.0})");
}
finally
{
    server.Kill(entireProcessTree: true);
    await server.WaitForExitAsync();
    try
    {
        Directory.Delete(data, recursive: true);
    }
    catch (IOException)
    {
    }
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static string Which(string program) =>
    (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists)
    ?? throw new FileNotFoundException($"{program} is not on PATH: sudo apt-get install -y {program}");

static async Task WaitHealthyAsync(HttpClient client)
{
    var deadline = DateTime.UtcNow.AddSeconds(90);
    while (DateTime.UtcNow < deadline)
    {
        try
        {
            if ((await client.GetAsync("/health")).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(250);
    }

    throw new TimeoutException("previz serve did not answer /health");
}

/// <summary>What <c>benchmarkOrbit</c> answers.</summary>
internal sealed class JsonElementResult
{
    public int Frames { get; set; }

    public double Seconds { get; set; }

    public double Fps { get; set; }
}
