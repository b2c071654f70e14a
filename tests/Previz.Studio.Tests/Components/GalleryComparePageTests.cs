using System.Text.Json;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Previz.Providers.Generation;
using Previz.Rendering.Adherence;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Testing;
using GalleryComparePage = Previz.Studio.Components.Pages.GalleryCompare;

namespace Previz.Studio.Tests.Components;

public sealed class GalleryComparePageTests : StudioComponentTest
{
    [Fact]
    public async Task The_compare_view_shows_a_failed_take_a_running_take_and_a_landed_clip_with_its_adherence_score()
    {
        var batchId = Guid.NewGuid();
        var failed = await CreateDirectRenderAsync("breakaway");
        var running = await CreateDirectRenderAsync("breakaway");
        var landed = await CreateDirectRenderAsync("breakaway");
        var clip = Path.Combine(Services.GetRequiredService<DataFolder>().Temp, $"{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(clip, TestClip.Mp4);
        var item = await Services.GetRequiredService<GalleryService>().AddAsync(landed, clip, CancellationToken.None);
        await using (var db = Services.GetRequiredService<StudioDatabase>().CreateContext())
        {
            foreach (var (id, index) in new[] { (failed.Id, 0), (running.Id, 1), (landed.Id, 2) })
            {
                var g = await db.Generations.SingleAsync(r => r.Id == id);
                g.BatchId = batchId;
                // The plan's place in the batch, as a compare batch stores it.
                var plan = JsonSerializer.Deserialize<StoredPlan>(g.PlanJson, StudioJson.Options)! with { TakeIndex = index };
                g.PlanJson = plan.ToJson();
                (g.State, g.Error, g.Progress, g.GalleryItemId) = index switch
                {
                    0 => (GenerationState.Failed, "The vendor refused the prompt.", (double?)null, (Guid?)null),
                    1 => (GenerationState.Running, null, 0.4, null),
                    _ => (GenerationState.Succeeded, null, 1, item.Id),
                };
            }

            var stored = await db.GalleryItems.SingleAsync(i => i.Id == item.Id);
            var provenance = JsonSerializer.Deserialize<GenerationProvenance>(stored.ProvenanceJson, StudioJson.Options)! with
            {
                Adherence = new MotionAdherence { Score = 0.62, PerSecond = [0.9, 0.5], Sentence = "follows", ScoredSeconds = 2, ShotSeconds = 4, ClipSeconds = 4, AnalysisFps = 12, Method = "test" },
            };
            stored.ProvenanceJson = JsonSerializer.Serialize(provenance, StudioJson.Options);
            await db.SaveChangesAsync();
        }

        var cut = Render<GalleryComparePage>(p => p.Add(c => c.BatchId, batchId));
        cut.WaitForElements("figure.compare-take", TimeSpan.FromSeconds(30));
        var takes = cut.FindAll("figure.compare-take");
        Assert.Equal(["failed", "running", "succeeded"], takes.Select(t => t.GetAttribute("data-state")));

        Assert.Contains("Failed: The vendor refused the prompt.", takes[0].QuerySelector(".compare-placeholder")!.TextContent, StringComparison.Ordinal);
        Assert.Null(takes[0].QuerySelector("video"));
        Assert.Contains("40", takes[1].QuerySelector(".compare-placeholder")!.TextContent, StringComparison.Ordinal);
        Assert.Null(takes[1].QuerySelector("video"));

        Assert.Equal($"/api/gallery/{item.Id}/media", takes[2].QuerySelector("video[data-compare-video]")!.GetAttribute("src"));
        Assert.Equal("adherence 0.62", takes[2].QuerySelector(".take-adherence")!.TextContent);
        Assert.Equal("Direct Render", takes[2].QuerySelector(".take-model")!.TextContent);
        Assert.NotNull(takes[2].QuerySelector(".take-cost"));
        Assert.Null(takes[0].QuerySelector(".take-adherence"));
        Assert.Single(cut.FindAll("button.compare-play"));
        Assert.Single(cut.FindAll("input.compare-seek"));
    }

    [Fact]
    public void An_unknown_batch_says_so()
    {
        var cut = Render<GalleryComparePage>(p => p.Add(c => c.BatchId, Guid.NewGuid()));
        cut.WaitForAssertion(() => Assert.Contains("There is no compare batch", cut.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }
}
