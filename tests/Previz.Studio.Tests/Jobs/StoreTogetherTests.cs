using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Tests.Api;
using Previz.Testing;

namespace Previz.Studio.Tests.Jobs;

/// <summary>A gallery item is committed in the same transaction as its generation's "Succeeded", or not at all.</summary>
public sealed class StoreTogetherTests
{
    [Fact]
    public async Task A_gallery_item_that_cannot_be_written_leaves_the_generation_as_it_was_and_is_not_written_by_the_next_write()
    {
        // A key so the pipeline plans the hand-made record; no vendor is called.
        await using var studio = await StudioFixture.StartAsync($"--FAL_KEY={HostedChoices.Key}");
        var scene = await studio.UploadStadiumAsync();
        var id = await HandMadeRecords.AddHostedAsync(studio, scene, GenerationState.Fetching, _ => { });
        var services = studio.App.Services;
        var gallery = services.GetRequiredService<GalleryService>();
        var store = services.GetRequiredService<GenerationStore>();
        await using var db = services.GetRequiredService<StudioDatabase>().CreateContext();
        // An item already stands for this generation: a second one breaks the unique index, so its write must fail.
        var first = await gallery.AddAsync(await db.Generations.AsNoTracking().FirstAsync(g => g.Id == id), await TestClip.CopyToAsync(services.GetRequiredService<DataFolder>().Temp), CancellationToken.None);
        await using var held = await store.TakeAsync(id, "test-worker", CancellationToken.None);
        Assert.NotNull(held);
        var second = await gallery.StageAsync(held.Record, await TestClip.CopyToAsync(services.GetRequiredService<DataFolder>().Temp), poster: null, CancellationToken.None);

        await Assert.ThrowsAsync<DbUpdateException>(() => store.UpdateAsync(held, g =>
        {
            g.State = GenerationState.Succeeded;
            g.GalleryItemId = second.Id;
        }, CancellationToken.None, alongside: second));

        var after = await db.Generations.AsNoTracking().FirstAsync(g => g.Id == id);
        Assert.Equal(GenerationState.Fetching, after.State);
        Assert.Null(after.GalleryItemId);
        Assert.Equal(first.Id, (await db.GalleryItems.AsNoTracking().SingleAsync(i => i.GenerationId == id)).Id);

        // The step's next write saves only its own change: neither the item nor "Succeeded" comes back with it.
        await store.UpdateAsync(held, g => g.Progress = 0.5, CancellationToken.None);
        after = await db.Generations.AsNoTracking().FirstAsync(g => g.Id == id);
        Assert.Equal(GenerationState.Fetching, after.State);
        Assert.Equal(0.5, after.Progress);
        Assert.Null(after.GalleryItemId);
        Assert.Equal(1, await db.GalleryItems.CountAsync(i => i.GenerationId == id));
    }
}
