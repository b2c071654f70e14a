using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Persistence;
using StudioPage = Previz.Studio.Components.Pages.Studio;

namespace Previz.Studio.Tests.Components;

public sealed class StudioPageTests : StudioComponentContext
{
    [Fact]
    public async Task The_storyboard_has_one_card_per_shot_with_its_duration_and_the_first_is_active()
    {
        var record = await StoreStadiumAsync();

        var cut = RenderStudio(record);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("button.shot-card").Count), Patience);
        var cards = cut.FindAll("button.shot-card");
        Assert.Equal(["establishing", "breakaway"], cards.Select(c => c.GetAttribute("data-shot-id")));
        Assert.Equal(["8.0 s", "4.0 s"], cards.Select(c => c.QuerySelector(".shot-duration")!.TextContent));
        Assert.Equal("true", cards[0].GetAttribute("aria-pressed"));
        Assert.Equal("true", cards[0].GetAttribute("aria-current"));
        Assert.Equal("false", cards[1].GetAttribute("aria-pressed"));
        Assert.Null(cards[1].GetAttribute("aria-current"));
        Assert.Contains("/shots/establishing/still?t=0&", cards[0].QuerySelector("img")!.GetAttribute("src"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selecting_a_card_makes_its_shot_active_in_the_viewport_and_details()
    {
        var record = await StoreStadiumAsync();
        var cut = RenderStudio(record);
        cut.WaitForAssertion(() => cut.Find("img.viewport-image"), Patience);
        Assert.Contains("/shots/establishing/", cut.Find("img.viewport-image").GetAttribute("src"), StringComparison.Ordinal);

        cut.Find("button.shot-card[data-shot-id=\"breakaway\"]").Click();

        var image = cut.Find("img.viewport-image");
        Assert.Contains($"api/scenes/{record.Id}/shots/breakaway/still?t=0&pass=shaded", image.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("Viewport: Striker breakaway at 0.00 s", image.GetAttribute("alt"));
        Assert.Equal("Striker breakaway", cut.Find("#shot-name").GetAttribute("value"));
        Assert.Equal("4", cut.Find("#shot-duration").GetAttribute("value"));
        Assert.Equal("true", cut.Find("button.shot-card[data-shot-id=\"breakaway\"]").GetAttribute("aria-pressed"));
        Assert.True(cut.Find(".viewport-info .aspect").TextContent.Contains("2.39:1", StringComparison.Ordinal), cut.Find(".viewport-info .aspect").TextContent);
        Assert.True(cut.Find(".viewport-info .lens").TextContent.Contains("70 mm", StringComparison.Ordinal), cut.Find(".viewport-info .lens").TextContent);
        Assert.Equal("0.00 s / 4.00 s", cut.Find(".viewport-time").TextContent);
    }

    [Fact]
    public async Task Scrubbing_moves_the_viewport_to_that_frame()
    {
        var record = await StoreStadiumAsync();
        var cut = RenderStudio(record, "breakaway");
        cut.WaitForAssertion(() => cut.Find("input[aria-label='Time']"), Patience);
        Assert.Equal("95", cut.Find("input[aria-label='Time']").GetAttribute("max"));

        // The first frame is still loading (no load event in bunit): the scrubber moves, the request waits.
        cut.Find("input[aria-label='Time']").Input("30");
        Assert.Equal("1.25 s / 4.00 s", cut.Find(".viewport-time").TextContent);
        Assert.Contains("still?t=0&", cut.Find("img.viewport-image").GetAttribute("src"), StringComparison.Ordinal);

        cut.Find("img.viewport-image").TriggerEvent("onload", EventArgs.Empty);
        Assert.Contains("still?t=1.25&", cut.Find("img.viewport-image").GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal("Viewport: Striker breakaway at 1.25 s", cut.Find("img.viewport-image").GetAttribute("alt"));
    }

    [Fact]
    public async Task A_new_duration_saved_with_Save_is_a_new_version_the_page_moves_to()
    {
        var record = await StoreStadiumAsync();
        var cut = RenderStudio(record, "breakaway");
        cut.WaitForAssertion(() => cut.Find("#shot-duration"), Patience);

        cut.Find("#shot-duration").Change("6.5");
        cut.Find("button[aria-label=Save]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.DoesNotContain(record.Id.ToString(), navigation.Uri, StringComparison.Ordinal), Patience);
        Assert.Contains("?shot=breakaway", navigation.Uri, StringComparison.Ordinal);
        var versions = await Store.ListAsync(CancellationToken.None);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        var saved = versions[0];
        Assert.Contains($"/scenes/{saved.Id}?", navigation.Uri, StringComparison.Ordinal);
        var scene = await Store.LoadAsync(saved, CancellationToken.None);
        Assert.Equal(6.5, scene.FindShot("breakaway")!.Duration);
        Assert.Equal(8, scene.FindShot("establishing")!.Duration);
        Assert.Equal(4, (await Store.LoadAsync(record, CancellationToken.None)).FindShot("breakaway")!.Duration);

        // The router hands the same page the new version: it shows the saved values, not the old version's.
        cut.Render(p => p.Add(x => x.SceneId, saved.Id));
        cut.WaitForAssertion(() => Assert.Contains("v2", cut.Find("h1").TextContent, StringComparison.Ordinal), Patience);
        Assert.Equal("6.5", cut.Find("#shot-duration").GetAttribute("value"));
        Assert.Equal("Viewport: Striker breakaway at 0.00 s", cut.Find("img.viewport-image").GetAttribute("alt"));
        Assert.Equal("0.00 s / 6.50 s", cut.Find(".viewport-time").TextContent);
    }

    [Fact]
    public async Task A_zero_duration_is_refused_beside_the_field_and_nothing_is_stored()
    {
        var record = await StoreStadiumAsync();
        var cut = RenderStudio(record, "breakaway");
        cut.WaitForAssertion(() => cut.Find("#shot-duration"), Patience);

        cut.Find("#shot-name").Change("Breakaway, longer");
        cut.Find("#shot-duration").Change("0");

        cut.WaitForAssertion(() => cut.Find("#shot-duration-error"), Patience);
        Assert.Equal("true", cut.Find("#shot-duration").GetAttribute("aria-invalid"));
        Assert.Equal("shot-duration-error", cut.Find("#shot-duration").GetAttribute("aria-describedby"));
        Assert.Equal("0", cut.Find("#shot-duration").GetAttribute("value"));
        Assert.Equal("Breakaway, longer", cut.Find("#shot-name").GetAttribute("value"));
        Assert.Single(await Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_object_edit_is_saved_with_Save()
    {
        var record = await StoreStadiumAsync();
        var cut = RenderStudio(record);
        cut.WaitForAssertion(() => cut.Find("li[data-object-id='ball'] button.object-toggle"), Patience);

        cut.Find("li[data-object-id='ball'] button.object-toggle").Click();
        cut.Find("#object-ball-description").Change("a scuffed white match ball");
        cut.Find("button[aria-label=Save]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.DoesNotContain(record.Id.ToString(), navigation.Uri, StringComparison.Ordinal), Patience);
        Assert.Contains("?shot=establishing", navigation.Uri, StringComparison.Ordinal);
        var saved = (await Store.ListAsync(CancellationToken.None))[0];
        var ball = (await Store.LoadAsync(saved, CancellationToken.None)).FindObject("ball")!;
        Assert.Equal("a scuffed white match ball", ball.Description);
        Assert.True(ball.Hero);
        Assert.Single(ball.References);
    }

    /// <summary>The page as the router opens it: the query (<c>?shot=</c>) comes from the address.</summary>
    private IRenderedComponent<StudioPage> RenderStudio(SceneRecord record, string? shot = null)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(shot is null ? $"scenes/{record.Id}" : $"scenes/{record.Id}?shot={shot}");
        var cut = Render<StudioPage>(p => p.Add(x => x.SceneId, record.Id));
        // The visualizer panel loads its options and estimate on the same dispatcher: interactions before it is done
        // would be queued behind that work, so tests start from a settled page as a user would.
        cut.WaitForAssertion(() => cut.Find(".visualizer .estimate .cost"), Patience);
        // The draft opens once the page is interactive (Save appears): edits are made to it.
        cut.WaitForAssertion(() => cut.Find("button[aria-label=Save]"), Patience);
        return cut;
    }

    /// <summary>The stadium with its reference pictures beside it, as the samples are stored, so it can be composed.</summary>
    private async Task<SceneRecord> StoreStadiumAsync()
    {
        var refs = Path.Combine(DataRoot, "scenes", "refs");
        Directory.CreateDirectory(refs);
        foreach (var file in Directory.GetFiles(Path.Combine(SamplesFolder, "refs")))
        {
            File.Copy(file, Path.Combine(refs, Path.GetFileName(file)), overwrite: true);
        }

        return (await Store.AddAsync(StadiumBytes(), "stadium.previz.json", CancellationToken.None)).Record;
    }
}
