using System.Globalization;
using System.Text.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Previz.Providers.Generation;
using Previz.Rendering.Adherence;
using Previz.Studio.Components.Visualizer;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Testing;
using GalleryPage = Previz.Studio.Components.Pages.Gallery;

namespace Previz.Studio.Tests.Components;

public sealed class GalleryPageTests : StudioComponentTest
{
    [Fact]
    public async Task The_gallery_lists_an_item_plays_it_and_delete_removes_it()
    {
        var item = await AddClipAsync("breakaway");
        var cut = Render<GalleryPage>();
        cut.WaitForElement(".gallery-card", TimeSpan.FromSeconds(30));

        var card = Assert.Single(cut.FindAll(".gallery-card"));
        Assert.Contains("Stadium", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("breakaway", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Direct Render", card.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/api/gallery/{item.Id}/poster", card.QuerySelector("img")?.GetAttribute("src"));

        await card.ClickAsync(new());
        Assert.Equal($"/api/gallery/{item.Id}/media", cut.Find("video.gallery-player").GetAttribute("src"));
        Assert.Equal($"/api/gallery/{item.Id}/download", cut.Find("a.download").GetAttribute("href"));
        Assert.Contains("version 1", cut.Find(".provenance").TextContent, StringComparison.Ordinal);

        await cut.Find("button.delete").ClickAsync(new());
        Assert.Single(cut.FindAll(".gallery-card"));
        await cut.Find("button.confirm-delete").ClickAsync(new());

        Assert.Empty(cut.FindAll(".gallery-card"));
        Assert.Empty(cut.FindAll("video.gallery-player"));
        Assert.Null(await Services.GetRequiredService<GalleryService>().FindAsync(item.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Use_as_start_and_end_frame_fill_the_visualizer_slots_of_the_circuit()
    {
        var item = await AddClipAsync("establishing");
        var cut = Render<GalleryPage>();
        await cut.WaitForElement(".gallery-card", TimeSpan.FromSeconds(30)).ClickAsync(new());

        await cut.Find("button.use-start").ClickAsync(new());
        await cut.Find("button.use-end").ClickAsync(new());

        var slots = Services.GetRequiredService<FrameSlots>();
        Assert.Equal($"gallery:{item.Id}", slots.Start.OptionValue(false, 8));
        Assert.StartsWith($"gallery:{item.Id}@", slots.End.OptionValue(true, 8), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Re_run_starts_the_same_recipe_again()
    {
        await AddClipAsync("breakaway");
        var cut = Render<GalleryPage>();
        await cut.WaitForElement(".gallery-card", TimeSpan.FromSeconds(30)).ClickAsync(new());

        await cut.Find("button.rerun").ClickAsync(new());

        var runs = await Generations.ListAsync(null, 0, 10, CancellationToken.None);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal("breakaway", r.ShotId));
        Assert.Contains("Re-running", cut.Find(".gallery-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_measured_clip_shows_its_adherence_score_sentence_and_a_plot_of_each_second()
    {
        var item = await AddClipAsync("breakaway");
        await using (var db = Services.GetRequiredService<StudioDatabase>().CreateContext())
        {
            var stored = await db.GalleryItems.SingleAsync(i => i.Id == item.Id);
            var provenance = JsonSerializer.Deserialize<GenerationProvenance>(stored.ProvenanceJson, StudioJson.Options)! with
            {
                Adherence = new MotionAdherence
                {
                    Score = 0.62,
                    PerSecond = [0.9, null, 0.5, 0.2],
                    Sentence = "roughly follows the truck move; drifts left after 2.1 s",
                    ScoredSeconds = 4,
                    ShotSeconds = 4,
                    ClipSeconds = 4,
                    AnalysisFps = 12,
                    Method = "test",
                },
            };
            stored.ProvenanceJson = JsonSerializer.Serialize(provenance, StudioJson.Options);
            await db.SaveChangesAsync();
        }

        var cut = Render<GalleryPage>();
        await cut.WaitForElement(".gallery-card", TimeSpan.FromSeconds(30)).ClickAsync(new());

        Assert.Equal("0.62", cut.Find(".adherence-score").TextContent);
        Assert.Equal("roughly follows the truck move; drifts left after 2.1 s", cut.Find(".adherence-sentence").TextContent);
        // The unmeasured second breaks the line: one point alone, then a line through the last two.
        var lines = cut.FindAll(".adherence-plot polyline");
        Assert.Equal(2, lines.Count);
        var points = cut.FindAll(".adherence-plot circle");
        Assert.Equal(3, points.Count);
        var heights = points.Select(c => double.Parse(c.GetAttribute("cy")!, CultureInfo.InvariantCulture)).ToList();
        Assert.True(heights[0] < heights[1] && heights[1] < heights[2], string.Join(", ", heights));
        Assert.Contains("not measured", cut.Find(".adherence-plot").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clip_that_was_not_measured_shows_no_adherence()
    {
        await AddClipAsync("breakaway");
        var cut = Render<GalleryPage>();
        await cut.WaitForElement(".gallery-card", TimeSpan.FromSeconds(30)).ClickAsync(new());

        Assert.Empty(cut.FindAll(".adherence"));
    }

    private async Task<GalleryItem> AddClipAsync(string shotId)
    {
        var generation = await CreateDirectRenderAsync(shotId);
        var clip = Path.Combine(Services.GetRequiredService<DataFolder>().Temp, $"{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(clip, TestClip.Mp4);
        return await Services.GetRequiredService<GalleryService>().AddAsync(generation, clip, CancellationToken.None);
    }
}
