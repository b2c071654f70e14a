using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.EndToEnd;

/// <summary>The gallery's compare view: a batch's takes side by side, one control playing and seeking them all.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CompareFlowTests(BrowserFixture browser, StudioServer server, ITestOutputHelper output) : IClassFixture<StudioServer>
{
    private const string AllTimes = "() => [...document.querySelectorAll('video[data-compare-video]')].map(v => v.currentTime)";

    [Fact]
    public async Task The_compare_view_plays_and_seeks_every_take_together_and_labels_each_with_model_seed_and_cost()
    {
        var (batchId, models) = await StartBatchAsync();
        await using var session = await BrowserSession.OpenAsync(browser, server, "compare-flow", output);
        await session.GotoAsync($"/gallery/compare/{batchId}");

        var page = session.Page;
        var takes = page.Locator("figure.compare-take");
        await Assertions.Expect(takes).ToHaveCountAsync(models.Count * 2, new LocatorAssertionsToHaveCountOptions { Timeout = BrowserSession.Timeout });
        foreach (var model in models)
        {
            var labels = takes.Locator(".take-model").Filter(new LocatorFilterOptions { HasTextRegex = new Regex($"^{Regex.Escape(model.Name)}$") });
            await Assertions.Expect(labels).ToHaveCountAsync(2);
        }

        await Assertions.Expect(takes.First.Locator(".take-seed")).ToHaveTextAsync("seed 21");
        await Assertions.Expect(takes.First.Locator(".take-cost")).ToContainTextAsync("$");
        await page.WaitForSelectorAsync("section.compare[data-compare-ready]", new PageWaitForSelectorOptions { Timeout = BrowserSession.Timeout });
        await page.WaitForFunctionAsync(
            "() => { const v = [...document.querySelectorAll('video[data-compare-video]')]; return v.length === 4 && v.every(x => x.readyState >= 2); }",
            null,
            new PageWaitForFunctionOptions { Timeout = BrowserSession.Timeout });
        await session.StepAsync("compare-loaded");

        // Play: every take runs, at one time.
        await page.Locator("button.compare-play").ClickAsync();
        await page.WaitForFunctionAsync($"() => ({AllTimes})().every(t => t > 1)", null, new PageWaitForFunctionOptions { Timeout = BrowserSession.Timeout });
        var playing = await page.EvaluateAsync<double[]>(AllTimes);
        output.WriteLine($"while playing: {string.Join(", ", playing.Select(t => t.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.True(playing.Max() - playing.Min() <= 0.1, $"the takes play {playing.Max() - playing.Min():0.000} s apart");
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('video[data-compare-video]')].every(v => !v.paused)"));
        await session.StepAsync("compare-playing");

        // Pause, then seek: every take is at the seek time.
        await page.Locator("button.compare-play").ClickAsync();
        await Assertions.Expect(page.Locator("button.compare-play")).ToHaveTextAsync("Play");
        await page.Locator("input.compare-seek").EvaluateAsync("el => { el.value = '2.5'; el.dispatchEvent(new Event('input', { bubbles: true })); }");
        var sought = await page.EvaluateAsync<double[]>(AllTimes);
        Assert.All(sought, t => Assert.InRange(t, 2.45, 2.55));
        await Assertions.Expect(page.Locator(".compare-time")).ToHaveTextAsync("2.50 s");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('video[data-compare-video]')].every(v => !v.seeking)");
        await session.StepAsync("compare-sought");

        // Seeking while playing moves them all as well, and they stay together.
        await page.Locator("button.compare-play").ClickAsync();
        await page.Locator("input.compare-seek").EvaluateAsync("el => { el.value = '0.5'; el.dispatchEvent(new Event('input', { bubbles: true })); }");
        var restarted = await page.EvaluateAsync<double[]>(AllTimes);
        Assert.All(restarted, t => Assert.InRange(t, 0.45, 0.6));
        await page.WaitForTimeoutAsync(700);
        var after = await page.EvaluateAsync<double[]>(AllTimes);
        Assert.True(after.Max() - after.Min() <= 0.1, $"after a seek the takes play {after.Max() - after.Min():0.000} s apart");

        // Use as take: the second take becomes the breakaway shot's take in the scene's sequence.
        var second = takes.Nth(1);
        await (await BrowserSession.InteractiveAsync(second.Locator("button.use-take"))).ClickAsync();
        await Assertions.Expect(second.Locator(".take-chosen")).ToBeVisibleAsync();
        await session.StepAsync("compare-take-chosen");
        using var client = server.CreateClient();
        var sequence = (await client.GetFromJsonAsync<JsonObject>($"/api/scenes/{server.StadiumId}/sequence"))!;
        var chosen = (await client.GetFromJsonAsync<JsonObject>($"/api/compare/{batchId}"))!["takes"]![1]!["galleryItemId"]!.GetValue<string>();
        var breakaway = sequence["shots"]!.AsArray().Single(shot => (string)shot!["shotId"]! == "breakaway")!;
        Assert.True(chosen == (string?)breakaway["take"], $"{chosen} is not the take: {sequence.ToJsonString()}");
    }

    /// <summary>Two fal models × two seeds of the breakaway shot through the API, every take finished.</summary>
    private async Task<(string BatchId, List<(string Id, string Name)> Models)> StartBatchAsync()
    {
        using var client = server.CreateClient();
        var listed = (await client.GetFromJsonAsync<JsonArray>("/api/models?mode=start-frame"))!;
        var models = listed.Where(m => (string)m!["provider"]! == "fal" && (bool)m["available"]!)
            .Select(m => ((string)m!["id"]!, (string)m["name"]!)).Take(2).ToList();
        using var create = await client.PostAsJsonAsync("/api/compare", new JsonObject
        {
            ["sceneId"] = server.StadiumId,
            ["shotId"] = "breakaway",
            ["mode"] = "start-frame",
            ["models"] = new JsonArray([.. models.Select(m => JsonValue.Create(m.Item1))]),
            ["seeds"] = new JsonArray(21, 22),
            ["options"] = new JsonObject { ["startFrame"] = "capture" },
        });
        var batch = JsonNode.Parse(await create.Content.ReadAsStringAsync())!;
        Assert.True(create.IsSuccessStatusCode, batch.ToJsonString());
        var batchId = (string)batch["batchId"]!;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            var read = (await client.GetFromJsonAsync<JsonObject>($"/api/compare/{batchId}"))!;
            var states = read["takes"]!.AsArray().Select(t => (string)t!["state"]!).ToList();
            if (states.All(s => s == "succeeded"))
            {
                return (batchId, models);
            }

            Assert.True(!states.Any(s => s is "failed" or "canceled") && DateTime.UtcNow < deadline, $"{read.ToJsonString()}\n{server.Log}");
            await Task.Delay(250);
        }
    }
}
