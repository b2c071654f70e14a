using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Testing;

namespace Previz.Studio.Tests.Api;

/// <summary>Compare batches: one shot across several models and seeds, priced as one, held to the budget, queued together.</summary>
public sealed class CompareApiTests
{
    [Fact]
    public async Task The_batch_estimate_is_the_sum_of_the_single_estimates_with_a_line_for_each_take()
    {
        await using var studio = await StudioFixture.StartAsync("--Studio:BudgetUsd=100");
        var sceneId = (string)(await studio.UploadStadiumAsync())["id"]!;
        var models = await FalModelsAsync(studio, 4);
        var options = new JsonObject { ["resolution"] = "1k" };

        using var answer = await studio.Client.PostAsJsonAsync("/api/compare/estimate", Body(sceneId, models, [11, 12], options));
        var quote = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.True(answer.StatusCode == HttpStatusCode.OK, quote.ToJsonString());

        var takes = quote["takes"]!.AsArray();
        Assert.Equal(8, takes.Count);
        Assert.Equal(
            models.SelectMany(m => new[] { (m, 11L), (m, 12L) }),
            takes.Select(t => ((string)t!["modelId"]!, (long)t["seed"]!)));
        decimal sum = 0;
        foreach (var model in models)
        {
            using var single = await studio.Client.PostAsJsonAsync($"/api/scenes/{sceneId}/estimate", new JsonObject
            {
                ["shotId"] = "breakaway",
                ["mode"] = "start-frame",
                ["modelId"] = model,
                ["options"] = options.DeepClone(),
            });
            var one = JsonNode.Parse(await single.Content.ReadAsStringAsync())!;
            Assert.True(single.StatusCode == HttpStatusCode.OK, one.ToJsonString());
            var total = (decimal)one["totalUsd"]!;
            foreach (var take in takes.Where(t => (string)t!["modelId"]! == model))
            {
                Assert.Equal(total, (decimal)take!["totalUsd"]!);
                Assert.Equal(one["breakdown"]!.ToJsonString(), take["breakdown"]!.ToJsonString());
                Assert.Contains($"seed {(long)take["seed"]!}", (string)take["line"]!, StringComparison.Ordinal);
            }

            sum += 2 * total;
        }

        Assert.True(sum > 0);
        Assert.Equal(sum, (decimal)quote["totalUsd"]!);
        Assert.Equal(100m - sum, (decimal)quote["budget"]!["leftAfterUsd"]!);
        Assert.True((bool)quote["budget"]!["fits"]!);
    }

    [Fact]
    public async Task A_batch_over_the_budget_is_refused_with_a_402_naming_the_total_and_what_is_left_and_creates_nothing()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.FiveSecondMp4);
        await using var studio = await StudioFixture.StartAsync([.. HostedChoices.Settings(fal), "--Studio:BudgetUsd=1"]);
        var sceneId = (string)(await studio.UploadStadiumAsync())["id"]!;
        var models = await FalModelsAsync(studio, 4);

        using var estimate = await studio.Client.PostAsJsonAsync("/api/compare/estimate", Body(sceneId, models, [1, 2], new JsonObject { ["startFrame"] = "capture" }));
        var quote = JsonNode.Parse(await estimate.Content.ReadAsStringAsync())!;
        var total = (decimal)quote["totalUsd"]!;
        Assert.True(total > 1, $"the batch should cost more than the $1 budget: {quote.ToJsonString()}");
        Assert.False((bool)quote["budget"]!["fits"]!);

        using var create = await studio.Client.PostAsJsonAsync("/api/compare", Body(sceneId, models, [1, 2], new JsonObject { ["startFrame"] = "capture" }));
        var problem = JsonNode.Parse(await create.Content.ReadAsStringAsync())!;
        Assert.True(create.StatusCode == HttpStatusCode.PaymentRequired, problem.ToJsonString());
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
        Assert.Equal(total, (decimal)problem["totalUsd"]!);
        Assert.Equal(1m, (decimal)problem["leftUsd"]!);
        Assert.Equal(8, (int)problem["takes"]!);
        Assert.Contains(Core.Costs.CostEstimator.Money(total), (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Contains("$1.00 is left", (string)problem["detail"]!, StringComparison.Ordinal);

        // Nothing was created, planned into the images folder, or sent.
        Assert.Empty((await studio.Client.GetFromJsonAsync<JsonArray>("/api/generations"))!);
        Assert.Equal(0, fal.Submits);
        Assert.Empty(fal.Uploads);
        var images = Path.Combine(studio.DataFolder, "images");
        Assert.True(!Directory.Exists(images) || Directory.GetFiles(images).Length == 0);

        // One generation over the budget gets the same answer, for one take: Veo 3.1 with sound, 4 s × $0.40.
        var single = HostedChoices.Create(sceneId);
        single["modelId"] = "veo-3.1";
        single["options"]!["audio"] = true;
        using var alone = await studio.Client.PostAsJsonAsync("/api/generations", single);
        var refusal = JsonNode.Parse(await alone.Content.ReadAsStringAsync())!;
        Assert.True(alone.StatusCode == HttpStatusCode.PaymentRequired, refusal.ToJsonString());
        Assert.Equal(1, (int)refusal["takes"]!);
        Assert.Equal(1m, (decimal)refusal["leftUsd"]!);
        Assert.Equal(1.60m, (decimal)refusal["totalUsd"]!);
        Assert.Contains("over the project's budget of $1.00", (string)refusal["detail"]!, StringComparison.Ordinal);
        Assert.Empty((await studio.Client.GetFromJsonAsync<JsonArray>("/api/generations"))!);
    }

    [Fact]
    public async Task A_batch_queues_every_take_as_a_generation_carrying_the_batch_id_and_reads_back_with_its_media()
    {
        await using var fal = await LoopbackVendor.StartAsync(TestClip.FiveSecondMp4);
        fal.WorkTime = TimeSpan.FromMilliseconds(500);
        // A budget the batch fits: the check made where the takes are stored lets it through.
        await using var studio = await StudioFixture.StartAsync([.. HostedChoices.Settings(fal), "--Studio:BudgetUsd=100"]);
        var sceneId = (string)(await studio.UploadStadiumAsync())["id"]!;
        var models = await FalModelsAsync(studio, 2);

        using var create = await studio.Client.PostAsJsonAsync("/api/compare", Body(sceneId, models, [5, 6], new JsonObject { ["startFrame"] = "capture" }));
        var batch = JsonNode.Parse(await create.Content.ReadAsStringAsync())!;
        Assert.True(create.StatusCode == HttpStatusCode.Accepted, batch.ToJsonString());
        var batchId = (string)batch["batchId"]!;
        Assert.Equal($"/api/compare/{batchId}", create.Headers.Location?.OriginalString);
        Assert.Equal($"/gallery/compare/{batchId}", (string)batch["viewUrl"]!);
        Assert.Equal(4, batch["takes"]!.AsArray().Count);
        Assert.Equal((decimal)batch["estimate"]!["totalUsd"]!, (decimal)batch["totalUsd"]!);

        var generations = (await studio.Client.GetFromJsonAsync<JsonArray>("/api/generations"))!;
        Assert.Equal(4, generations.Count);
        Assert.All(generations, g => Assert.Equal(batchId, (string)g!["batchId"]!));
        Assert.Equal(
            models.SelectMany(m => new[] { (m, 5L), (m, 6L) }).Order(),
            generations.Select(g => ((string)g!["modelId"]!, (long)g["choices"]!["seed"]!)).Order());

        foreach (var g in generations)
        {
            var done = await studio.WaitForAsync((string)g!["id"]!, d => (string)d["state"]! is "succeeded" or "failed", TimeSpan.FromMinutes(3));
            Assert.True((string)done["state"]! == "succeeded", done.ToJsonString());
        }

        Assert.Equal(4, fal.Submits);
        var read = (await studio.Client.GetFromJsonAsync<JsonObject>($"/api/compare/{batchId}"))!;
        var takes = read["takes"]!.AsArray();
        Assert.Equal(models.SelectMany(m => new[] { (m, 5L), (m, 6L) }), takes.Select(t => ((string)t!["modelId"]!, (long)t["seed"]!)));
        Assert.All(takes, t =>
        {
            Assert.Equal("succeeded", (string)t!["state"]!);
            Assert.Equal("video/mp4", (string)t["contentType"]!);
            Assert.Equal($"/api/gallery/{(string)t["galleryItemId"]!}/media", (string)t["mediaUrl"]!);
            Assert.True((decimal)t["costUsd"]! > 0);
        });

        using var missing = await studio.Client.GetAsync($"/api/compare/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Bad_compare_input_is_a_400_naming_the_field()
    {
        await using var studio = await StudioFixture.StartAsync();
        var sceneId = (string)(await studio.UploadStadiumAsync())["id"]!;
        var models = await FalModelsAsync(studio, 4);

        var unknown = await ProblemAsync(studio, Body(sceneId, [models[0], "no-such-model"], [1]));
        Assert.Contains("no-such-model", (string)unknown["errors"]!["models[1]"]![0]!, StringComparison.Ordinal);

        var image = await ProblemAsync(studio, Body(sceneId, ["imagen-4", models[0]], [1]));
        Assert.Contains("start-frame", (string)image["errors"]!["models[0]"]![0]!, StringComparison.Ordinal);

        var tooMany = await ProblemAsync(studio, Body(sceneId, models, [1, 2, 3]));
        Assert.Contains("12 takes", (string)tooMany["errors"]!["seeds"]![0]!, StringComparison.Ordinal);

        var body = Body(sceneId, models, [1]);
        body["seeds"] = new JsonArray(1, "two");
        var notANumber = await ProblemAsync(studio, body);
        Assert.Contains("\"two\"", (string)notANumber["errors"]!["seeds[1]"]![0]!, StringComparison.Ordinal);

        body["seeds"] = new JsonArray(1, 2.5);
        Assert.NotNull((await ProblemAsync(studio, body))["errors"]!["seeds[1]"]);

        var one = await ProblemAsync(studio, Body(sceneId, [models[0]], [1]));
        Assert.NotNull(one["errors"]!["models"]);

        var twice = await ProblemAsync(studio, Body(sceneId, [models[0], models[0]], [1]));
        Assert.NotNull(twice["errors"]!["models[1]"]);

        var typo = Body(sceneId, models, [1]);
        typo["options"] = new JsonObject { ["audo"] = true };
        Assert.NotNull((await ProblemAsync(studio, typo))["errors"]!["options.audo"]);

        // The same refusals from the create call, which then creates nothing.
        using var create = await studio.Client.PostAsJsonAsync("/api/compare", Body(sceneId, [models[0], "no-such-model"], [1]));
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Empty((await studio.Client.GetFromJsonAsync<JsonArray>("/api/generations"))!);
    }

    private static JsonObject Body(string sceneId, IEnumerable<string> models, IEnumerable<long> seeds, JsonObject? options = null) => new()
    {
        ["sceneId"] = sceneId,
        ["shotId"] = "breakaway",
        ["mode"] = "start-frame",
        ["models"] = new JsonArray([.. models.Select(m => JsonValue.Create(m))]),
        ["seeds"] = new JsonArray([.. seeds.Select(s => JsonValue.Create(s))]),
        ["options"] = options,
    };

    /// <summary>Available fal models that make start-frame video, as the API lists them, in its order.</summary>
    private static async Task<List<string>> FalModelsAsync(StudioFixture studio, int count)
    {
        var listed = (await studio.Client.GetFromJsonAsync<JsonArray>("/api/models?mode=start-frame"))!;
        var models = listed
            .Where(m => (string)m!["provider"]! == "fal" && (bool)m["available"]!)
            .Select(m => (string)m!["id"]!)
            .Take(count)
            .ToList();
        Assert.True(models.Count == count, $"the catalog has {models.Count} fal start-frame models: {listed.ToJsonString()}");
        return models;
    }

    private static async Task<JsonNode> ProblemAsync(StudioFixture studio, JsonObject body)
    {
        using var response = await studio.Client.PostAsJsonAsync("/api/compare/estimate", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
