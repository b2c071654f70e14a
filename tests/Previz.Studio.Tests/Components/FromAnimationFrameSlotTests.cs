using System.Text.Json.Nodes;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Previz.Core.Modes;
using Previz.Studio.Components.Visualizer;
using Previz.Studio.Images;
using Previz.Studio.Jobs;
using Previz.Studio.Scenes;

namespace Previz.Studio.Tests.Components;

/// <summary>
/// In From Animation a guide-video model that takes pictures beside its guide (Aleph's keyframes, Kling's first frame)
/// shows optional frame slots: only a picture of the user's own is sent, never a capture the slot would default to.
/// </summary>
public sealed class FromAnimationFrameSlotTests : StudioComponentContext
{
    public FromAnimationFrameSlotTests()
        : base(("RUNWAYML_API_SECRET", "runway-test-key-5e0c"), ("Studio:BudgetUsd", "25"))
    {
    }

    [Fact]
    public async Task Aleph_shows_two_optional_slots_without_captures_and_sends_only_the_users_picture_as_a_keyframe()
    {
        var cut = await RenderPanelAsync();
        await cut.Find("select[aria-label=Mode]").ChangeAsync(new ChangeEventArgs { Value = VisualizerMode.FromAnimation.Id() });
        Assert.Empty(cut.FindAll("fieldset.frame-slot"));

        await cut.Find("select[aria-label=Model]").ChangeAsync(new ChangeEventArgs { Value = "runway-aleph-2" });

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("fieldset.frame-slot").Count), Patience);
        Assert.Equal(["Start frame (optional)", "End frame (optional)"], cut.FindAll("fieldset.frame-slot legend").Select(l => l.TextContent));
        Assert.All(cut.FindAll(".slot-label"), l => Assert.Equal("None: the guide alone sets the look", l.TextContent));
        Assert.Empty(cut.FindAll("fieldset.frame-slot img.frame-thumb"));
        Assert.DoesNotContain(cut.FindAll("fieldset.frame-slot button"), b => b.TextContent.StartsWith("Capture", StringComparison.Ordinal));

        // A picture of the user's own in the start slot: shown, clearable, and sent as the keyframe at 0 s; the end slot
        // still holds its default (the shot's end), which is not sent.
        var stored = await Services.GetRequiredService<ImageStore>().AddAsync(Previz.Testing.Media.OnePixelPng(), CancellationToken.None);
        await cut.InvokeAsync(() => Services.GetRequiredService<FrameSlots>().Set(false, FrameChoice.Upload(stored.Id, "look.png")));
        cut.WaitForAssertion(() => Assert.Equal($"/api/images/{stored.Id}", cut.Find("fieldset.frame-slot-start img.frame-thumb").GetAttribute("src")), Patience);
        Assert.Equal("No picture", cut.Find("fieldset.frame-slot-start button.clear").TextContent);

        await cut.Find("button.generate").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Single(Generations().ListAsync(null, 0, 10, CancellationToken.None).GetAwaiter().GetResult()), Patience);
        var generation = Assert.Single(await Generations().ListAsync(null, 0, 10, CancellationToken.None));
        var plan = JsonNode.Parse(generation.PlanJson)!;
        var keyframe = Assert.Single(plan["provenance"]!["inputs"]!.AsArray());
        Assert.Equal(("keyframe", 0, "/keyframes/0/uri"), ((string?)keyframe!["role"], (int?)keyframe["frameIndex"] ?? -1, (string?)keyframe["field"]));
        Assert.StartsWith("uploaded image " + stored.Id[..12], (string?)keyframe["source"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kling_motion_control_says_it_captures_the_shots_start_without_a_picture_and_shows_no_end_slot()
    {
        var cut = await RenderPanelAsync();
        await cut.Find("select[aria-label=Mode]").ChangeAsync(new ChangeEventArgs { Value = VisualizerMode.FromAnimation.Id() });

        await cut.Find("select[aria-label=Model]").ChangeAsync(new ChangeEventArgs { Value = "kling-2.6-motion-control" });

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("fieldset.frame-slot")), Patience);
        Assert.Equal("None: the shot's start, captured", cut.Find("fieldset.frame-slot-start .slot-label").TextContent);
    }

    [Fact]
    public async Task A_guide_model_whose_endpoint_takes_no_picture_shows_no_slot()
    {
        var cut = await RenderPanelAsync();
        await cut.Find("select[aria-label=Mode]").ChangeAsync(new ChangeEventArgs { Value = VisualizerMode.FromAnimation.Id() });

        // Omni Flash takes a start frame in Start Frame mode, but its edit endpoint only a prompt and the guide.
        await cut.Find("select[aria-label=Model]").ChangeAsync(new ChangeEventArgs { Value = "gemini-omni-flash" });

        cut.WaitForAssertion(() => Assert.Contains("its shaded pass", cut.Find(".guide-note").TextContent, StringComparison.Ordinal), Patience);
        Assert.Empty(cut.FindAll("fieldset.frame-slot"));
    }

    private GenerationService Generations() => Services.GetRequiredService<GenerationService>();

    private async Task<IRenderedComponent<VisualizerPanel>> RenderPanelAsync()
    {
        var (scene, _) = await Store.AddAsync(StadiumBytes(), "stadium.previz.json", CancellationToken.None);
        var cut = Render<VisualizerPanel>(p => p.Add(x => x.SceneId, scene.Id).Add(x => x.ShotId, "breakaway").Add(x => x.CurrentTime, 1.5));
        cut.WaitForElement("select[aria-label=Duration]", Patience);
        return cut;
    }
}
