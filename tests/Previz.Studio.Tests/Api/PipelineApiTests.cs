using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Rendering.Video;
using Previz.Testing;

namespace Previz.Studio.Tests.Api;

/// <summary>Hosted generations planned by the generation pipeline, and the calls the studio makes before starting one.</summary>
public sealed class PipelineApiTests
{
    private const string PlantedKey = "fal-planted-key-9c4e21a7b3d84f06";
    private const string KlingEndpoint = "fal-ai/kling-video/v2.6/pro/image-to-video";

    [Fact]
    public async Task A_kling_start_frame_generation_of_the_stadium_is_submitted_once_trimmed_to_the_shot_and_keeps_its_recipe_and_costs_without_the_key()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.FiveSecondMp4);
        fal.WorkTime = TimeSpan.FromSeconds(1);
        await using var studio = await StudioFixture.StartAsync(
            $"--FAL_KEY={PlantedKey}",
            $"--Providers:Fal:QueueUrl={fal.FalQueueUrl}",
            $"--Providers:Fal:StorageUrl={fal.FalStorageUrl}");
        var scene = await studio.UploadStadiumAsync();
        var breakaway = scene["shots"]!.AsArray().Single(s => (string)s!["id"]! == "breakaway")!;
        var shotSeconds = (double)breakaway["duration"]!;
        Assert.Equal(4.0, shotSeconds);

        var bodies = new List<string>();
        using var create = await studio.Client.PostAsJsonAsync("/api/generations", new JsonObject
        {
            ["sceneId"] = (string)scene["id"]!,
            ["shotId"] = "breakaway",
            ["mode"] = "start-frame",
            ["modelId"] = "kling-2.6-pro",
            ["options"] = new JsonObject { ["startFrame"] = "capture", ["resolution"] = "1k" },
            ["prompt"] = new JsonObject { ["style"] = "Graphite storyboard sketch, loose hatching." },
        });
        bodies.Add(await create.Content.ReadAsStringAsync());
        Assert.True(create.StatusCode == HttpStatusCode.Accepted, bodies[0]);
        var created = JsonNode.Parse(bodies[0])!;
        var id = (string)created["id"]!;
        Assert.Equal(0.35, (double)created["estimatedCostUsd"]!, 6); // 5 s × $0.07/s silent

        var done = await studio.WaitForAsync(id, g => (string)g["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(2));
        Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());

        // The vendor saw one submit to Kling 2.6 Pro with the captured start frame uploaded through fal storage.
        Assert.Equal(1, fal.Submits);
        var (endpoint, body) = Assert.Single(fal.Submitted);
        Assert.Equal(KlingEndpoint, endpoint);
        Assert.Equal("5", (string)body["duration"]!);
        Assert.False((bool)body["generate_audio"]!);
        Assert.Contains("Graphite storyboard sketch", (string)body["prompt"]!, StringComparison.Ordinal);
        var startUrl = (string)body["start_image_url"]!;
        Assert.True(fal.Uploads.TryGetValue(startUrl, out var upload), $"start_image_url {startUrl} is not an upload");
        Assert.Equal("image/png", upload.ContentType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], upload.Content.Take(4).ToArray());
        Assert.Contains($"Key {PlantedKey}", fal.AuthorizationHeaders);

        // The clip is the shot's 4 s, not the vendor's 5 s, within one frame.
        var itemId = (string)done["galleryItemId"]!;
        var clip = Path.Combine(studio.DataFolder, "check.mp4");
        await File.WriteAllBytesAsync(clip, await studio.Client.GetByteArrayAsync($"/api/gallery/{itemId}/media"));
        var probe = await MediaTool.Default.ProbeAsync(clip, CancellationToken.None);
        Assert.InRange(probe.DurationSeconds, shotSeconds - (1 / 24.0), shotSeconds + (1 / 24.0));
        Assert.Equal("h264", probe.Codec);

        var itemText = await studio.Client.GetStringAsync($"/api/gallery/{itemId}");
        bodies.Add(itemText);
        var provenance = JsonNode.Parse(itemText)!["provenance"]!;
        Assert.Equal("kling-2.6-pro", (string)provenance["modelId"]!);
        Assert.Equal("start-frame", (string)provenance["mode"]!);
        Assert.Equal(shotSeconds, (double)provenance["shotSeconds"]!);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"trimmed 5.000 s to {shotSeconds:0.000} s, re-encoded to H.264, +faststart"), (string)provenance["finishing"]!);
        var prompt = provenance["prompt"]!;
        Assert.Equal("Graphite storyboard sketch, loose hatching.", (string)prompt["style"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)prompt["scene"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)prompt["lighting"]));
        Assert.Equal((string)body["prompt"]!, (string)prompt["text"]!);
        Assert.Equal(["style"], prompt["editedParts"]!.AsArray().Select(p => (string)p!));
        var options = provenance["options"]!;
        Assert.Equal(5.0, (double)options["clipSeconds"]!);
        Assert.Equal(shotSeconds, (double)options["outputSeconds"]!);
        Assert.False((bool)options["audio"]!);
        Assert.Equal("1k", (string)options["resolution"]!);
        Assert.Equal(0.35, (double)provenance["estimate"]!["total"]!, 6);
        Assert.Equal(0.35, (double)provenance["billedCostUsd"]!, 6);
        Assert.Contains("per second", (string)provenance["billedCostSource"]!, StringComparison.Ordinal);
        // Written in the same transaction as "Succeeded": the record's own finish time, not a moment before it.
        Assert.Equal((DateTime)done["finishedAt"]!, (DateTime)provenance["finishedAt"]!);
        Assert.Equal("per-second", (string)provenance["estimate"]!["rule"]!);
        Assert.NotEmpty(provenance["estimate"]!["breakdown"]!.AsArray());
        Assert.Equal(KlingEndpoint, (string)provenance["vendorEndpoint"]!);
        Assert.Equal("start-frame", (string)Assert.Single(provenance["inputs"]!.AsArray())!["role"]!);
        // The ball's reference picture is not sent (Kling 2.6 Pro takes none), and says why.
        var reference = Assert.Single(provenance["references"]!.AsArray())!;
        Assert.False((bool)reference["sent"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)reference["reason"]));

        // The captured frame is kept under the data folder for the job that submitted it.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(studio.DataFolder, "images"), "*.png"));

        bodies.Add(await studio.Client.GetStringAsync($"/api/generations/{id}"));
        bodies.Add(await studio.Client.GetStringAsync("/api/generations"));
        bodies.Add(await studio.Client.GetStringAsync($"/api/scenes/{(string)scene["id"]!}/shots/breakaway/options?model=kling-2.6-pro"));
        foreach (var text in bodies.Concat(studio.Logs.Lines))
        {
            Assert.DoesNotContain(PlantedKey, text, StringComparison.Ordinal);
        }

        var db = await File.ReadAllBytesAsync(Path.Combine(studio.DataFolder, "previz.db"));
        Assert.DoesNotContain(PlantedKey, System.Text.Encoding.UTF8.GetString(db), StringComparison.Ordinal);

        // A rerun plans the choices as they were asked, not the resolved values.
        using var rerun = await studio.Client.PostAsync($"/api/gallery/{itemId}/rerun", null);
        var again = (await rerun.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(rerun.StatusCode == HttpStatusCode.Accepted, again.ToJsonString());
        Assert.Equal("capture", (string)again["choices"]!["startFrame"]!);
        Assert.Equal("Graphite storyboard sketch, loose hatching.", (string)again["choices"]!["prompt"]!["style"]!);
        Assert.Equal(["style"], again["plan"]!["prompt"]!["editedParts"]!.AsArray().Select(p => (string)p!));
    }

    [Fact]
    public async Task Unsupported_choices_and_a_missing_key_are_400_problems_naming_the_model_the_field_and_what_is_accepted()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;

        var audio = await ProblemAsync(studio, new { sceneId, shotId = "breakaway", mode = "start-frame", modelId = "kling-2.1-pro", options = new { audio = true } });
        Assert.Equal("kling-2.1-pro", (string)audio["modelId"]!);
        Assert.Equal(["off"], audio["supported"]!.AsArray().Select(v => (string)v!));
        var audioError = (string)audio["errors"]!["options.audio"]![0]!;
        Assert.Contains("kling-2.1-pro", audioError, StringComparison.Ordinal);
        Assert.Contains("kling-2.6-pro", audioError, StringComparison.Ordinal); // names a model that can

        var duration = await ProblemAsync(studio, new { sceneId, shotId = "breakaway", modelId = "kling-2.6-pro", options = new { duration = 7 } });
        Assert.Equal(["5 s", "10 s"], duration["supported"]!.AsArray().Select(v => (string)v!));
        Assert.NotNull(duration["errors"]!["options.duration"]);

        var typo = await ProblemAsync(studio, new { sceneId, modelId = "kling-2.6-pro", options = new { audo = true } });
        Assert.NotNull(typo["errors"]!["options.audo"]);

        var image = await ProblemAsync(studio, new { sceneId, modelId = "kling-2.6-pro", options = new { startFrame = "image:" + new string('a', 64) } });
        Assert.NotNull(image["errors"]!["options.startFrame"]);

        // No FAL_KEY in this studio: the problem names the variable to set.
        var key = await ProblemAsync(studio, new { sceneId, shotId = "breakaway", modelId = "kling-2.6-pro" });
        Assert.Equal("FAL_KEY", (string)key["variable"]!);
        Assert.Contains("FAL_KEY", (string)key["detail"]!, StringComparison.Ordinal);

        var list = await studio.Client.GetFromJsonAsync<JsonArray>("/api/generations");
        Assert.Empty(list!);
    }

    [Fact]
    public async Task The_options_of_a_shot_say_what_a_model_supports_and_why_a_silent_model_has_no_audio()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;

        var silent = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/scenes/{sceneId}/shots/breakaway/options?mode=start-frame&model=kling-2.1-pro"))!;
        Assert.False((bool)silent["audio"]!["supported"]!);
        var reason = (string)silent["audio"]!["reason"]!;
        Assert.Contains("silent", reason, StringComparison.Ordinal);
        Assert.Contains("kling-2.6-pro", reason, StringComparison.Ordinal);
        Assert.Equal([5, 10], silent["durations"]!.AsArray().Select(d => (int)d!));
        Assert.Equal(5.0, (double)silent["defaults"]!["duration"]!);
        Assert.Equal(4.0, (double)silent["defaults"]!["outputSeconds"]!);
        Assert.Contains("landscape", silent["orientations"]!.AsArray().Select(o => (string)o!["orientation"]!));
        Assert.Equal(["1k", "2k"], silent["resolutions"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.Equal("FAL_KEY", (string)silent["apiKey"]!["variable"]!);
        Assert.False((bool)silent["apiKey"]!["configured"]!);
        Assert.NotEmpty(silent["notes"]!.AsArray()); // 5 s covers the 4 s shot and is trimmed

        var sound = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/scenes/{sceneId}/shots/breakaway/options?model=kling-2.6-pro"))!;
        Assert.True((bool)sound["audio"]!["supported"]!);
        Assert.Null(sound["audio"]!["reason"]);

        using var noModel = await studio.Client.GetAsync($"/api/scenes/{sceneId}/shots/breakaway/options");
        Assert.Equal(HttpStatusCode.BadRequest, noModel.StatusCode);
        Assert.NotNull((await noModel.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["model"]);
        using var noShot = await studio.Client.GetAsync($"/api/scenes/{sceneId}/shots/nope/options?model=kling-2.6-pro");
        Assert.NotNull((await noShot.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["shotId"]);
        using var noScene = await studio.Client.GetAsync($"/api/scenes/{Guid.NewGuid()}/shots/breakaway/options?model=kling-2.6-pro");
        Assert.Equal(HttpStatusCode.NotFound, noScene.StatusCode);
    }

    [Fact]
    public async Task The_prompt_preview_shows_three_parts_with_overrides_and_the_estimate_prices_exactly_the_choices_against_the_budget()
    {
        await using var studio = await StudioFixture.StartAsync("--Studio:BudgetUsd=10");
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;

        using var promptResponse = await studio.Client.PostAsJsonAsync($"/api/scenes/{sceneId}/prompt", new
        {
            shotId = "breakaway",
            mode = "start-frame",
            modelId = "kling-2.6-pro",
            prompt = new { lighting = "Overcast, flat grey light." },
        });
        Assert.Equal(HttpStatusCode.OK, promptResponse.StatusCode);
        var preview = (await promptResponse.Content.ReadFromJsonAsync<JsonObject>())!;
        var text = (string)preview["prompt"]!;
        Assert.Equal("Overcast, flat grey light.", (string)preview["lighting"]!);
        Assert.Equal(["lighting"], preview["edited"]!.AsArray().Select(p => (string)p!));
        foreach (var part in new[] { "scene", "style", "lighting" })
        {
            var value = (string)preview[part]!;
            Assert.False(string.IsNullOrWhiteSpace(value));
            Assert.Contains(value, text, StringComparison.Ordinal);
        }

        Assert.Equal(2500, (int)preview["maxLength"]!);
        Assert.Equal(text.Length, (int)preview["length"]!);

        using var auto = await studio.Client.PostAsJsonAsync($"/api/scenes/{sceneId}/prompt", new { shotId = "breakaway", modelId = "kling-2.6-pro" });
        var autoPreview = (await auto.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.NotEqual("Overcast, flat grey light.", (string)autoPreview["lighting"]!);
        Assert.Empty(autoPreview["edited"]!.AsArray());

        // A model that repaints the shaded guide in From Animation is told first to keep the render's motion, and why.
        using var restyle = await studio.Client.PostAsJsonAsync($"/api/scenes/{sceneId}/prompt", new { shotId = "breakaway", mode = "from-animation", modelId = "runway-aleph-2" });
        var restylePreview = (await restyle.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.StartsWith("Restyle this grey 3D previz render", (string)restylePreview["prompt"]!, StringComparison.Ordinal);
        Assert.Contains(restylePreview["notes"]!.AsArray(), n => ((string)n!).Contains("repaints the guide video", StringComparison.Ordinal));
        Assert.DoesNotContain("Restyle this", (string)autoPreview["prompt"]!, StringComparison.Ordinal);

        var silent = await EstimateAsync(studio, sceneId, new { shotId = "breakaway", modelId = "kling-2.6-pro" });
        Assert.Equal(0.35m, (decimal)silent["totalUsd"]!);
        Assert.Equal(5.0, (double)silent["clipSeconds"]!);
        Assert.Equal(4.0, (double)silent["outputSeconds"]!);
        Assert.True((bool)silent["trimmed"]!);
        Assert.Equal("per-second", (string)silent["billing"]!);
        Assert.NotEmpty(silent["breakdown"]!.AsArray());
        Assert.Equal(10m, (decimal)silent["budget"]!["capUsd"]!);
        Assert.Equal(10m, (decimal)silent["budget"]!["leftUsd"]!);
        Assert.Equal(9.65m, (decimal)silent["budget"]!["leftAfterUsd"]!);
        Assert.True((bool)silent["budget"]!["fits"]!);

        var loud = await EstimateAsync(studio, sceneId, new { shotId = "breakaway", modelId = "kling-2.6-pro", options = new { audio = true, duration = 10 } });
        Assert.Equal(1.40m, (decimal)loud["totalUsd"]!); // 10 s × $0.14/s with audio
        Assert.True((bool)loud["audio"]!);

        using var unpriced = await studio.Client.PostAsJsonAsync($"/api/scenes/{sceneId}/estimate", new { shotId = "breakaway" });
        Assert.Equal(HttpStatusCode.BadRequest, unpriced.StatusCode);
        Assert.NotNull((await unpriced.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["modelId"]);
    }

    [Fact]
    public async Task The_still_endpoint_renders_a_png_of_the_shot_at_the_preset_size_with_varied_pixels_and_serves_it_again_from_the_cache()
    {
        await using var studio = await StudioFixture.StartAsync();
        var scene = await studio.UploadStadiumAsync();
        var sceneId = (string)scene["id"]!;

        using var response = await studio.Client.GetAsync($"/api/scenes/{sceneId}/shots/breakaway/still?t=1.5&pass=shaded&resolution=1k");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        using (var image = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgba32>(png))
        {
            // 1k is a 1280-pixel long edge; the breakaway shot is 2.39:1.
            Assert.Equal(1280, image.Width);
            Assert.InRange(image.Height, 534, 536);
            var colours = new HashSet<SixLabors.ImageSharp.PixelFormats.Rgba32>();
            for (var y = 0; y < image.Height; y += 7)
            {
                for (var x = 0; x < image.Width; x += 7)
                {
                    colours.Add(image[x, y]);
                }
            }

            Assert.True(colours.Count > 20, $"only {colours.Count} colours: the still looks blank");
        }

        Assert.Single(Directory.GetFiles(Path.Combine(studio.DataFolder, "tmp", "stills"), "*.png"));
        var again = await studio.Client.GetByteArrayAsync($"/api/scenes/{sceneId}/shots/breakaway/still?t=1.5&pass=shaded&resolution=1k");
        Assert.Equal(png, again);
        Assert.Single(Directory.GetFiles(Path.Combine(studio.DataFolder, "tmp", "stills"), "*.png"));

        var wire = await studio.Client.GetByteArrayAsync($"/api/scenes/{sceneId}/shots/breakaway/still?t=1.5&pass=wireframe");
        Assert.NotEqual(png, wire);

        using var late = await studio.Client.GetAsync($"/api/scenes/{sceneId}/shots/breakaway/still?t=9");
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.NotNull((await late.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["t"]);
    }

    [Fact]
    public async Task A_glb_upload_is_recognised_by_content_imported_and_lists_its_camera_shot()
    {
        await using var studio = await StudioFixture.StartAsync();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "animated_scene.glb"));
        using var content = new ByteArrayContent(bytes);
        // Named .bin on purpose: the content, not the name, says it is a GLB.
        using var response = await studio.Client.PostAsync("/api/scenes?fileName=animated_scene.bin", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        var scene = JsonNode.Parse(text)!;
        Assert.Equal("glb", (string)scene["format"]!);
        Assert.Equal(1, (int)scene["version"]!);
        var shot = Assert.Single(scene["shots"]!.AsArray())!;
        Assert.Equal(2.0, (double)shot["duration"]!, 3);
        var sceneId = (string)scene["id"]!;
        var stored = Directory.GetFiles(Path.Combine(studio.DataFolder, "scenes"));
        Assert.Equal($"{(string)scene["contentHash"]!}.glb", Path.GetFileName(Assert.Single(stored)));

        // Read back from the store: the shots, and a still through the camera.
        var shots = (await studio.Client.GetFromJsonAsync<JsonArray>($"/api/scenes/{sceneId}/shots"))!;
        Assert.Equal((string)shot["id"]!, (string)Assert.Single(shots)!["id"]!);
        Assert.Equal((string)shot["cameraId"]!, (string)shots[0]!["cameraId"]!);
        using var still = await studio.Client.GetAsync($"/api/scenes/{sceneId}/shots/{(string)shot["id"]!}/still?t=1");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);

        using var again = new ByteArrayContent(bytes[..^8]);
        using var broken = await studio.Client.PostAsync("/api/scenes?fileName=broken.glb", again);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
    }

    private static async Task<JsonObject> ProblemAsync(StudioFixture studio, object request)
    {
        using var response = await studio.Client.PostAsJsonAsync("/api/generations", request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> EstimateAsync(StudioFixture studio, string sceneId, object choices)
    {
        using var response = await studio.Client.PostAsJsonAsync($"/api/scenes/{sceneId}/estimate", choices);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
