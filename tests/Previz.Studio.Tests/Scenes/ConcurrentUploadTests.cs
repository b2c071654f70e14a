using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Previz.Studio.Tests.Api;
using Previz.Studio.Tests.ScaleOut;

namespace Previz.Studio.Tests.Scenes;

public sealed class ConcurrentUploadTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Twenty_identical_uploads_at_once_make_one_scene(string database)
    {
        await using var postgres = database == "postgres" ? await PostgresServer.StartAsync() : null;
        string[] settings = postgres is null ? [] : [$"--PREVIZ_DATABASE={await postgres.CreateDatabaseAsync()}"];
        await using var studio = await StudioFixture.StartAsync(settings);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "stadium.previz.json"));

        using var start = new SemaphoreSlim(0);
        var uploads = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await studio.Client.PostAsync("/api/scenes?fileName=stadium.previz.json", new ByteArrayContent(bytes));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync() + string.Join('\n', studio.Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal)).Take(2)));
            return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        }).ToList();
        start.Release(20);
        var ids = await Task.WhenAll(uploads);

        Assert.Single(ids.Distinct());
        var scenes = (await studio.Client.GetFromJsonAsync<JsonArray>("/api/scenes"))!;
        var scene = Assert.Single(scenes);
        Assert.Equal(1, (int)scene!["version"]!);
    }
}
