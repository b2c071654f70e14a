using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Components.Visualizer;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
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

    private async Task<GalleryItem> AddClipAsync(string shotId)
    {
        var generation = await CreateDirectRenderAsync(shotId);
        var clip = Path.Combine(Services.GetRequiredService<DataFolder>().Temp, $"{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(clip, TestClip.Mp4);
        return await Services.GetRequiredService<GalleryService>().AddAsync(generation, clip, CancellationToken.None);
    }
}
