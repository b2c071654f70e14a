using Microsoft.Extensions.DependencyInjection;
using Previz.Core;
using Previz.Studio.Scenes;
using Previz.Studio.Tests.Api;

namespace Previz.Studio.Tests.Scenes;

public sealed class SceneStoreCacheTests
{
    [Fact]
    public async Task A_stored_scene_is_parsed_once_and_a_missing_file_is_still_refused()
    {
        await using var studio = await StudioFixture.StartAsync();
        var uploaded = await studio.UploadStadiumAsync();
        var store = studio.App.Services.GetRequiredService<SceneStore>();
        var record = (await store.FindAsync(Guid.Parse((string)uploaded["id"]!), CancellationToken.None))!;

        var first = await store.LoadAsync(record, CancellationToken.None);
        var second = await store.LoadAsync(record, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Contains(first.Shots, s => s.Id == "breakaway");

        // The cache never hides a stored file that went missing.
        File.Delete(Path.Combine(studio.DataFolder, record.StoredPath));
        var missing = await Assert.ThrowsAsync<UserErrorException>(() => store.LoadAsync(record, CancellationToken.None));
        Assert.Contains("missing from the data folder", missing.Message, StringComparison.Ordinal);
    }
}
