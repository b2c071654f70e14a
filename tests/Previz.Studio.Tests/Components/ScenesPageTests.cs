using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Components.Pages;
using Previz.Studio.Scenes;

namespace Previz.Studio.Tests.Components;

public sealed class ScenesPageTests : StudioComponentContext
{
    public ScenesPageTests()
        : base(("Studio:SamplesFolder", SamplesFolder))
    {
    }

    [Fact]
    public async Task The_scenes_page_lists_a_stored_scene_with_its_version_shots_and_link()
    {
        var (record, _) = await Store.AddAsync(StadiumBytes(), "stadium.previz.json", CancellationToken.None);

        var cut = Render<Home>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("tr.scene-row")), Patience);
        var row = cut.Find("tr.scene-row");
        Assert.Equal(record.Id.ToString(), row.GetAttribute("data-scene-id"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.StartsWith("Stadium", cells[0], StringComparison.Ordinal);
        Assert.Equal("v1", cells[1]);
        Assert.Equal("2", cells[2]);
        Assert.Equal($"scenes/{record.Id}", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_bad_upload_shows_every_problem_with_its_json_path_and_stores_nothing()
    {
        const string bad = """
            { "format": "previz-scene/1",
              "cameras": [ { "id": "cam" } ],
              "shots": [ { "id": "a", "cameraId": "crane", "duration": 0 } ] }
            """;
        var cut = Render<Home>();
        cut.WaitForAssertion(() => cut.Find("ul.sample-list"), Patience);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(bad, "broken.previz.json"));

        cut.WaitForAssertion(() => cut.Find(".validation-problems[role=alert]"), Patience);
        var paths = cut.FindAll(".validation-problems .problem-path").Select(e => e.TextContent).ToList();
        Assert.Contains("$.name", paths);
        Assert.Contains("$.shots[0].duration", paths);
        Assert.Contains("$.shots[0].cameraId", paths);
        Assert.Contains("broken.previz.json was not stored", cut.Find(".validation-problems").TextContent, StringComparison.Ordinal);
        Assert.Empty(await Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_good_upload_is_stored_and_opens_in_the_studio()
    {
        var cut = Render<Home>();
        cut.WaitForAssertion(() => cut.Find("ul.sample-list"), Patience);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(StadiumBytes(), "stadium.previz.json"));

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("/scenes/", navigation.Uri, StringComparison.Ordinal), Patience);
        var stored = Assert.Single(await Store.ListAsync(CancellationToken.None));
        Assert.EndsWith($"/scenes/{stored.Id}", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_sample_stores_it_once_with_its_reference_pictures_inside_the_data_folder()
    {
        var cut = Render<Home>();
        cut.WaitForAssertion(() => cut.Find("button[aria-label='Open Stadium']"), Patience);

        cut.Find("button[aria-label='Open Stadium']").Click();
        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Contains("/scenes/", navigation.Uri, StringComparison.Ordinal), Patience);
        await Services.GetRequiredService<SampleLibrary>().OpenAsync("stadium.previz.json", CancellationToken.None);

        var record = Assert.Single(await Store.ListAsync(CancellationToken.None));
        var ball = (await Store.LoadAsync(record, CancellationToken.None)).FindObject("ball")!;
        var reference = Assert.Single(ball.References);
        Assert.Matches("^refs/[0-9a-f]{64}\\.png$", reference.Path);
        var copy = Path.Combine(DataRoot, "scenes", reference.Path);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(SamplesFolder, "refs", "ball-front.png")), await File.ReadAllBytesAsync(copy));
    }

    [Fact]
    public async Task Deleting_a_scene_asks_first_then_removes_it()
    {
        await Store.AddAsync(StadiumBytes(), "stadium.previz.json", CancellationToken.None);
        var cut = Render<Home>();
        cut.WaitForAssertion(() => cut.Find("button[aria-label='Delete Stadium v1']"), Patience);

        cut.Find("button[aria-label='Delete Stadium v1']").Click();
        Assert.Single(await Store.ListAsync(CancellationToken.None));
        cut.Find("tr.scene-row button.danger").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("tr.scene-row")), Patience);
        Assert.Empty(await Store.ListAsync(CancellationToken.None));
    }
}
