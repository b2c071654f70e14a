using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Previz.Core;
using Previz.Core.Loading;
using Previz.Core.Scenes;
using Previz.Import;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Studio.Tests.Api;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.Fuzz;

/// <summary>
/// Seeded, replayable mutations of the samples and of Blender GLBs through the scene loader, the glTF import, the
/// HTTP validate and upload endpoints, and a still render of whatever validates. The property: a clean error (a
/// <see cref="UserErrorException"/>, or a 4xx with problem details) or a result; never another exception, a 5xx or a
/// case over 30 s; and whatever validates renders. <c>PREVIZ_FUZZ_CASES</c> (all targets together, default 2,100),
/// <c>PREVIZ_FUZZ_SEED</c> (default fixed, so CI runs the same cases) and <c>PREVIZ_FUZZ_CASE</c> (replay one case)
/// steer it; bench/fuzz.sh runs many more.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(30);

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("PREVIZ_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20_231;

    private static readonly int Total = int.TryParse(Environment.GetEnvironmentVariable("PREVIZ_FUZZ_CASES"), CultureInfo.InvariantCulture, out var n) ? n : 2_100;

    private static readonly int? Only = int.TryParse(Environment.GetEnvironmentVariable("PREVIZ_FUZZ_CASE"), CultureInfo.InvariantCulture, out var c) ? c : null;

    /// <summary>What the running case was doing, for the message of one that took too long.</summary>
    private static readonly System.Runtime.CompilerServices.StrongBox<string> Phase = new("starting");

    private static readonly string[] SceneSeeds = ["stadium.previz.json", "product-turntable.previz.json"];

    private static readonly string[] GlbSeeds = ["animated_scene.glb", "curves_scene.glb"];

    [Fact]
    public async Task Damaged_scene_documents_give_a_clean_error_or_a_scene_that_renders()
    {
        var seeds = SceneSeeds.Select(Sample).ToArray();
        var tally = await RunAsync("scenes", 1, Total * 55 / 100, random =>
        {
            var (bytes, kind) = Mutations.Json(seeds[random.Next(seeds.Length)], random);
            return (kind, () => Task.FromResult(LoadAndRender(() => SceneReader.Read(bytes).Scene, random)));
        });

        Check(tally);
    }

    [Fact]
    public async Task Damaged_glb_files_give_a_clean_error_or_a_scene_that_renders()
    {
        var seeds = GlbSeeds.Select(Sample).ToArray();
        var tally = await RunAsync("glb", 2, Total * 30 / 100, random =>
        {
            var (bytes, kind) = Mutations.Glb(seeds[random.Next(seeds.Length)], random);
            return (kind, () => Task.FromResult(LoadAndRender(() => GltfImporter.Parse(bytes, "fuzz.glb", baseDirectory: null).Scene, random)));
        });

        Check(tally);
    }

    [Fact]
    public async Task Damaged_uploads_get_problem_details_or_are_taken_and_never_a_server_error()
    {
        await using var studio = await StudioFixture.StartAsync("--Studio:Jobs:RunWorkers=false");
        var scenes = SceneSeeds.Select(Sample).ToArray();
        var glbs = GlbSeeds.Select(Sample).ToArray();
        var tally = await RunAsync("http", 3, Total - (Total * 55 / 100) - (Total * 30 / 100), random =>
        {
            var glb = random.Next(2) == 0;
            var (bytes, kind) = glb ? Mutations.Glb(glbs[random.Next(glbs.Length)], random) : Mutations.Json(scenes[random.Next(scenes.Length)], random);
            var route = random.Next(2) == 0 ? "/api/scenes/validate" : "/api/scenes";
            return ($"{route} {(glb ? "glb" : "json")} {kind}", () => PostAsync(studio, route, glb ? "fuzz.glb" : "fuzz.previz.json", bytes));
        });

        Check(tally);
    }

    /// <summary>Runs <paramref name="cases"/> cases of one target, each from its own seeded <see cref="Random"/>.</summary>
    private static async Task<FuzzTally> RunAsync(string target, int targetNumber, int cases, Func<Random, (string Kind, Func<Task<FuzzOutcome>> Run)> make)
    {
        var tally = new FuzzTally(target, Seed);
        for (var number = 0; number < cases; number++)
        {
            if (Only is { } only && only != number)
            {
                continue;
            }

            var random = new Random(unchecked((Seed * 1_000_003) + (targetNumber * 7_919_999) + number));
            string kind = "making the case";
            Phase.Value = "starting";
            var watch = Stopwatch.StartNew();
            FuzzOutcome outcome;
            string? crash = null;
            try
            {
                var (k, run) = make(random);
                kind = k;
                watch.Restart();
                outcome = await Task.Run(run).WaitAsync(CaseLimit);
            }
            catch (TimeoutException)
            {
                outcome = FuzzOutcome.Crash;
                crash = $"took more than {CaseLimit.TotalSeconds:0} s {Phase.Value}";
            }
            catch (Exception ex)
            {
                outcome = FuzzOutcome.Crash;
                crash = ex.ToString();
            }

            tally.Add(number, kind, outcome, watch.Elapsed, crash);
        }

        return tally;
    }

    /// <summary>Loads the scene: a user error is clean; a scene that loads must render a still of a shot.</summary>
    private static FuzzOutcome LoadAndRender(Func<SceneDocument> load, Random random)
    {
        SceneDocument scene;
        try
        {
            Phase.Value = "loading";
            scene = load();
        }
        catch (UserErrorException)
        {
            return FuzzOutcome.CleanError;
        }

        Phase.Value = "rendering";
        RenderStill(scene, random);
        return FuzzOutcome.Result;
    }

    /// <summary>
    /// A still of a shot, as <c>previz still</c> draws it, at a time inside it and in a random pass. Every tenth goes
    /// all the way through <see cref="DirectRenderer.RenderStillAsync"/> to a PNG; the others stop at the frame.
    /// </summary>
    private static void RenderStill(SceneDocument scene, Random random)
    {
        if (scene.Shots.Count == 0)
        {
            return;
        }

        var shot = scene.Shots[random.Next(scene.Shots.Count)];
        var offset = shot.Duration * random.NextDouble();
        var passes = Enum.GetValues<RenderPass>();
        var pass = passes[random.Next(passes.Length)];
        if (random.Next(10) == 0)
        {
            var png = Path.Combine(Path.GetTempPath(), $"previz-fuzz-{Guid.NewGuid():N}.png");
            try
            {
                DirectRenderer.RenderStillAsync(scene, shot, offset, pass, ResolutionPreset.OneK, png).GetAwaiter().GetResult();
                Assert.True(new FileInfo(png).Length > 0, "the still is empty");
            }
            finally
            {
                File.Delete(png);
            }

            return;
        }

        var frame = new FrameRenderer(scene).Render(shot, shot.Start + offset, pass, FrameSize.For(shot.Aspect, ResolutionPreset.OneK));
        Assert.True(frame.Width >= 2 && frame.Height >= 2);
    }

    private static async Task<FuzzOutcome> PostAsync(StudioFixture studio, string route, string fileName, byte[] bytes)
    {
        using var content = new ByteArrayContent(bytes);
        using var response = await studio.Client.PostAsync($"{route}?fileName={fileName}", content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            return FuzzOutcome.Result;
        }

        if ((int)response.StatusCode is >= 400 and < 500)
        {
            var problem = JsonNode.Parse(body)!.AsObject();
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal((int)response.StatusCode, (int)problem["status"]!);
            Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]), body);
            if (problem["errors"] is JsonObject errors)
            {
                // Scene problems are named by JSON path ($.shots[0].duration), the rest by field.
                Assert.NotEmpty(errors);
                Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Key), body));
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)problem["detail"]), body);
            }

            return FuzzOutcome.CleanError;
        }

        throw new InvalidOperationException($"{route} answered {(int)response.StatusCode} {response.StatusCode}: {body}");
    }

    private void Check(FuzzTally tally)
    {
        tally.Report(output);
        Assert.True(tally.Crashes.IsEmpty, tally.Summary() + "\n" + string.Join('\n', tally.Crashes.Take(20)));
        if (Only is null)
        {
            // The mutations reach both sides of the property.
            Assert.True(tally.CleanErrors > 0 && tally.Results > 0, tally.Summary());
        }

        Assert.True(tally.Slowest < CaseLimit, tally.Summary());
    }

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", name));
}
