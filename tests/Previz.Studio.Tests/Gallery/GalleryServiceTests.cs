using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;
using Previz.Studio.Tests.Api;
using Previz.Studio.Tests.Jobs;
using Previz.Testing;

namespace Previz.Studio.Tests.Gallery;

public sealed class GalleryServiceTests
{
    [Fact]
    public async Task A_generation_stored_twice_keeps_its_first_item_and_one_record()
    {
        // A key so the pipeline plans the hand-made record; no vendor is called.
        await using var studio = await StudioFixture.StartAsync($"--FAL_KEY={HostedChoices.Key}");
        var scene = await studio.UploadStadiumAsync();
        var id = await HandMadeRecords.AddHostedAsync(studio, scene, GenerationState.Fetching, _ => { });
        var services = studio.App.Services;
        await using var db = services.GetRequiredService<StudioDatabase>().CreateContext();
        var generation = await db.Generations.AsNoTracking().FirstAsync(g => g.Id == id);
        var gallery = services.GetRequiredService<GalleryService>();

        var first = await gallery.AddAsync(generation, await TestClip.CopyToAsync(services.GetRequiredService<DataFolder>().Temp), CancellationToken.None);
        var second = await gallery.AddAsync(generation, await TestClip.CopyToAsync(services.GetRequiredService<DataFolder>().Temp), CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(1, await db.GalleryItems.CountAsync(i => i.GenerationId == id));
        Assert.True(File.Exists(Path.Combine(studio.DataFolder, first.MediaPath)));
    }
}
