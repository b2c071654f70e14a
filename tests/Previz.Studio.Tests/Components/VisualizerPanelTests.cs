using System.Text;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Studio.Components.Visualizer;
using Previz.Studio.Images;
using Previz.Studio.Jobs;
using Previz.Studio.Planning;
using Previz.Studio.Scenes;

namespace Previz.Studio.Tests.Components;

public sealed class VisualizerPanelTests : StudioComponentTest
{
    private static readonly ModelCatalog Catalog = ModelCatalog.Default;

    [Fact]
    public async Task Switching_mode_rescopes_the_model_list_to_the_catalog_models_of_that_mode()
    {
        var cut = RenderPanel("breakaway");

        foreach (var mode in VisualizerModes.All)
        {
            await cut.Find("select[aria-label=Mode]").ChangeAsync(new ChangeEventArgs { Value = mode.Id() });

            var listed = cut.FindAll("select[aria-label=Model] option").Select(o => o.GetAttribute("value")).ToList();
            Assert.Equal(Catalog.ForMode(mode).Select(l => l.Model.Id).OrderBy(id => id), listed.OrderBy(id => id));
            Assert.NotEmpty(cut.FindAll("select[aria-label=Model] optgroup"));
        }
    }

    [Fact]
    public async Task From_Animation_defaults_to_Direct_Render_and_labels_the_button_Capture_Animation()
    {
        var cut = RenderPanel("breakaway");
        await cut.Find("select[aria-label=Mode]").ChangeAsync(new ChangeEventArgs { Value = VisualizerMode.Image.Id() });
        Assert.Equal("Generate Image", cut.Find("button.generate").TextContent.Trim());

        await cut.Find("select[aria-label=Mode]").ChangeAsync(new ChangeEventArgs { Value = VisualizerMode.FromAnimation.Id() });

        Assert.Equal(ShotPlanningService.DirectRenderModelId, cut.Find("select[aria-label=Model]").GetAttribute("value"));
        Assert.Equal("Capture Animation", cut.Find("button.generate").TextContent.Trim());
    }

    [Fact]
    public async Task From_Animation_says_which_guide_video_a_model_follows_previews_it_and_warns_where_a_model_invents_the_motion()
    {
        var cut = RenderPanel("breakaway");
        await cut.Find("select[aria-label=Mode]").ChangeAsync(new ChangeEventArgs { Value = VisualizerMode.FromAnimation.Id() });

        await SelectModelAsync(cut, "wan-2.2-vace-depth");
        cut.WaitForAssertion(() => Assert.Contains("follows a guide video of the shot: its depth pass", cut.Find(".guide-note").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".invents-motion"));
        await cut.Find(".guide-note button").ClickAsync(new());
        var preview = cut.Find("video.guide-preview");
        Assert.Contains("/shots/breakaway/guide?model=wan-2.2-vace-depth", preview.GetAttribute("src"), StringComparison.Ordinal);

        // A restyle model follows the shaded pass: the picker's option and the note say so, from the catalog's guide spec.
        await SelectModelAsync(cut, "runway-aleph-2");
        cut.WaitForAssertion(() => Assert.Contains("follows a guide video of the shot: its shaded pass", cut.Find(".guide-note").TextContent, StringComparison.Ordinal));
        Assert.Contains("guide video: shaded", cut.Find("select[aria-label=Model] option[value=runway-aleph-2]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".invents-motion"));

        // So does Kling's motion control, whose option says it moves a character.
        await SelectModelAsync(cut, "kling-2.6-motion-control");
        cut.WaitForAssertion(() => Assert.Contains("follows a guide video of the shot: its shaded pass", cut.Find(".guide-note").TextContent, StringComparison.Ordinal));
        var motion = cut.Find("select[aria-label=Model] option[value='kling-2.6-motion-control']").TextContent;
        Assert.Contains("guide video: shaded", motion, StringComparison.Ordinal);
        Assert.Contains("character performance", motion, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".invents-motion"));

        // And Gemini Omni Flash, whose From Animation edits the shaded pass.
        await SelectModelAsync(cut, "gemini-omni-flash");
        cut.WaitForAssertion(() => Assert.Contains("follows a guide video of the shot: its shaded pass", cut.Find(".guide-note").TextContent, StringComparison.Ordinal));
        Assert.Contains("guide video: shaded", cut.Find("select[aria-label=Model] option[value='gemini-omni-flash']").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".invents-motion"));

        var inventing = Catalog.ForMode(VisualizerMode.FromAnimation).First(l => l.InventsMotion && l.IsAvailable).Model;
        await SelectModelAsync(cut, inventing.Id);
        cut.WaitForAssertion(() => Assert.Contains($"{inventing.DisplayName} invents the motion", cut.Find(".invents-motion").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".guide-note"));
    }

    [Fact]
    public async Task Audio_is_disabled_with_the_reason_for_a_silent_model_and_enabled_for_Veo_3_1()
    {
        var silent = Catalog.ForMode(VisualizerMode.StartFrame)
            .First(l => l.IsAvailable && l.Model.Audio == AudioSupport.None && l.Model.Provider != ModelProvider.DirectRender).Model;
        var cut = RenderPanel("breakaway");

        await SelectModelAsync(cut, silent.Id);
        var audio = cut.Find("select[aria-label=Audio]");
        Assert.True(audio.HasAttribute("disabled"));
        Assert.StartsWith($"{silent.DisplayName} makes silent video only", audio.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Contains($"{silent.DisplayName} makes silent video only", cut.Find(".audio-reason").TextContent, StringComparison.Ordinal);

        await SelectModelAsync(cut, "veo-3.1");
        audio = cut.Find("select[aria-label=Audio]");
        Assert.False(audio.HasAttribute("disabled"));
        Assert.Contains("on", audio.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));

        await audio.ChangeAsync(new ChangeEventArgs { Value = "on" });
        Assert.NotNull(cut.Find(".audio-hint"));
        Assert.Contains("$0.40/s", cut.Find(".estimate .cost").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audio_is_shown_on_and_locked_with_the_reason_for_gemini_omni_flash_which_always_makes_sound()
    {
        var cut = RenderPanel("breakaway");

        await SelectModelAsync(cut, "gemini-omni-flash");

        var audio = cut.Find("select[aria-label=Audio]");
        Assert.True(audio.HasAttribute("disabled"));
        Assert.Equal(["on"], audio.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Gemini Omni Flash always makes sound.", audio.GetAttribute("title"));
        Assert.NotNull(cut.Find(".audio-hint"));
    }

    [Fact]
    public async Task Duration_choices_follow_the_model_as_the_catalog_says()
    {
        var withDurations = Catalog.ForMode(VisualizerMode.StartFrame)
            .Where(l => l.IsAvailable && l.Model.Durations is not null).Select(l => l.Model)
            .GroupBy(m => string.Join(",", m.Durations!.Choices)).Select(g => g.First()).Take(2).ToList();
        Assert.Equal(2, withDurations.Count);
        var cut = RenderPanel("breakaway");

        foreach (var model in withDurations)
        {
            await SelectModelAsync(cut, model.Id);
            var offered = cut.FindAll("select[aria-label=Duration] option").Select(o => o.GetAttribute("value")).ToList();
            Assert.Equal(model.Durations!.Choices.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)), offered);
        }
    }

    [Fact]
    public async Task A_clip_longer_than_the_shot_shows_the_trim_note_and_the_estimate_breakdown()
    {
        // The breakaway shot lasts 4 s; Kling 2.6 Pro makes 5 or 10 s clips.
        var cut = RenderPanel("breakaway");

        await SelectModelAsync(cut, "kling-2.6-pro");

        Assert.Equal("5", cut.Find("select[aria-label=Duration]").GetAttribute("value"));
        Assert.Contains("will be trimmed to 4.0 s", cut.Find(".duration-note").TextContent, StringComparison.Ordinal);
        Assert.Equal("$0.35 · 5 s × $0.07/s", cut.Find(".estimate .cost").TextContent.Trim());
        Assert.Equal("no budget cap", cut.Find(".estimate .budget").TextContent.Trim());
    }

    [Fact]
    public async Task Prompt_tabs_keep_edits_across_tab_and_model_switches()
    {
        var cut = RenderPanel("breakaway");
        await SelectModelAsync(cut, "veo-3.1");
        var tabs = cut.FindAll("[role=tablist] [role=tab]").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Scene", "Style", "Lighting"], tabs);
        var autoLighting = await PromptOfTabAsync(cut, "Lighting");
        Assert.False(string.IsNullOrWhiteSpace(autoLighting));

        await ClickTabAsync(cut, "Scene");
        await cut.Find("[role=tabpanel] textarea").ChangeAsync(new ChangeEventArgs { Value = "A striker breaks away down the left wing." });
        await ClickTabAsync(cut, "Style");
        await cut.Find("[role=tabpanel] textarea").ChangeAsync(new ChangeEventArgs { Value = "grainy 16 mm" });

        Assert.Equal("A striker breaks away down the left wing.", await PromptOfTabAsync(cut, "Scene"));
        await SelectModelAsync(cut, "kling-2.6-pro");

        Assert.Equal("A striker breaks away down the left wing.", await PromptOfTabAsync(cut, "Scene"));
        Assert.Equal("grainy 16 mm", await PromptOfTabAsync(cut, "Style"));
        Assert.Equal(autoLighting, await PromptOfTabAsync(cut, "Lighting"));
    }

    [Fact]
    public async Task Generate_prompt_asks_before_overwriting_edits()
    {
        var cut = RenderPanel("breakaway");
        await SelectModelAsync(cut, "veo-3.1");
        var auto = await PromptOfTabAsync(cut, "Scene");
        await cut.Find("[role=tabpanel] textarea").ChangeAsync(new ChangeEventArgs { Value = "my own words" });

        await cut.Find("button.generate-prompt").ClickAsync(new());
        Assert.Equal("my own words", await PromptOfTabAsync(cut, "Scene"));
        await cut.Find("button.confirm-overwrite").ClickAsync(new());

        Assert.Equal(auto, await PromptOfTabAsync(cut, "Scene"));
    }

    [Fact]
    public async Task A_hosted_model_without_its_key_cannot_start_and_says_which_variable_it_needs()
    {
        var cut = RenderPanel("breakaway");

        await SelectModelAsync(cut, "veo-3.1");

        Assert.True(cut.Find("button.generate").HasAttribute("disabled"));
        Assert.Contains("FAL_KEY", cut.Find(".block-reason").TextContent, StringComparison.Ordinal);
        Assert.Contains("needs key", cut.Find("select[aria-label=Model] option[value='veo-3.1']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_in_From_Animation_with_Direct_Render_creates_a_generation()
    {
        var cut = RenderPanel("breakaway");
        await cut.Find("select[aria-label=Mode]").ChangeAsync(new ChangeEventArgs { Value = VisualizerMode.FromAnimation.Id() });
        Assert.Equal("Free · renders on this machine", cut.Find(".estimate .cost").TextContent.Trim());

        await cut.Find("button.generate").ClickAsync(new());

        var generation = Assert.Single(await Generations.ListAsync(null, 0, 10, CancellationToken.None));
        Assert.Equal(ShotPlanningService.DirectRenderModelId, generation.ModelId);
        Assert.Equal(Scene.Id, generation.SceneId);
        Assert.Equal("breakaway", generation.ShotId);
        Assert.Empty(cut.FindAll(".generate-error"));
        Assert.Contains("Started Direct Render", cut.Find(".generate-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_request_is_shown_inline()
    {
        var cut = RenderPanel("breakaway");
        await cut.Find("select[aria-label=Mode]").ChangeAsync(new ChangeEventArgs { Value = VisualizerMode.FromAnimation.Id() });
        // The scene goes away after the panel loaded it (another tab deleted it): the service refuses with a field error.
        Assert.True(await Services.GetRequiredService<SceneStore>().DeleteAsync(Scene.Id, CancellationToken.None));

        await cut.Find("button.generate").ClickAsync(new());

        Assert.Contains($"There is no scene {Scene.Id}", cut.Find(".generate-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(await Generations.ListAsync(null, 0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Start_and_end_frame_slots_appear_where_the_mode_needs_them_and_capture_the_current_time()
    {
        var cut = RenderPanel("breakaway");
        await cut.Find("select[aria-label=Mode]").ChangeAsync(new ChangeEventArgs { Value = VisualizerMode.StartEnd.Id() });
        Assert.Equal(2, cut.FindAll("fieldset.frame-slot").Count);
        await cut.FindAll("fieldset.frame-slot-start button").First(b => b.TextContent == "Capture current time").ClickAsync(new());

        var slots = Services.GetRequiredService<FrameSlots>();
        Assert.Equal("capture:1.5", slots.Start.OptionValue(false, 4));
        Assert.Equal(FrameChoiceKind.ShotEnd, slots.End.Kind);
        Assert.Contains("/still?t=1.5", cut.Find("fieldset.frame-slot-start img.frame-thumb").GetAttribute("src"), StringComparison.Ordinal);
    }

    [Fact]
    public void Upload_image_checks_the_content_and_stores_it_like_the_images_api()
    {
        var cut = RenderPanel("breakaway");
        // The check is by content (decoded whole), as POST /api/images does it.
        var png = Previz.Testing.Media.OnePixelPng();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("<html>not an image</html>", "frame.png"));
        cut.WaitForAssertion(() => Assert.Contains("not a PNG, JPEG or WebP", cut.Find(".slot-error").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(FrameChoiceKind.ShotStart, Services.GetRequiredService<FrameSlots>().Start.Kind);

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(png, "frame.png"));

        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png));
        cut.WaitForAssertion(() => Assert.Equal($"/api/images/{id}", cut.Find("fieldset.frame-slot-start img.frame-thumb").GetAttribute("src")), TimeSpan.FromSeconds(30));
        Assert.Equal($"image:{id}", Services.GetRequiredService<FrameSlots>().Start.OptionValue(false, 4));
        Assert.NotNull(Services.GetRequiredService<ImageStore>().Find(id));
    }

    [Fact]
    public async Task A_shot_longer_than_a_guide_can_cover_offers_the_cap_and_once_accepted_prices_and_previews_its_first_part()
    {
        // The establishing shot made 12 s: longer than Omni Flash's 240-frame guide (9.96 s at 24 fps).
        var stadium = Encoding.UTF8.GetString(StadiumBytes());
        var (longer, _) = await Store.AddAsync(
            Encoding.UTF8.GetBytes(stadium.Replace("\"duration\": 8,", "\"duration\": 12,", StringComparison.Ordinal)), "long.previz.json", CancellationToken.None);
        var cut = RenderPanel("establishing", longer.Id);
        await cut.Find("select[aria-label=Mode]").ChangeAsync(new ChangeEventArgs { Value = VisualizerMode.FromAnimation.Id() });

        await SelectModelAsync(cut, "gemini-omni-flash");

        var cap = cut.WaitForElement("input[aria-label='Accept the duration cap']", TimeSpan.FromSeconds(30));
        Assert.Contains("Generate only the first 9.96 s", cap.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Contains("accept the cap to follow the first 9.958 s", cut.Find(".estimate-error").TextContent, StringComparison.Ordinal);
        await cap.ChangeAsync(new ChangeEventArgs { Value = true });
        cut.WaitForAssertion(() => Assert.Contains("240 frames", cut.Find(".guide-note").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Empty(cut.FindAll(".estimate-error"));
        Assert.StartsWith("$1.30", cut.Find(".estimate .cost").TextContent.Trim(), StringComparison.Ordinal);
        await cut.Find(".guide-note button").ClickAsync(new());
        Assert.Contains("acceptDurationCap=true", cut.Find("video.guide-preview").GetAttribute("src"), StringComparison.Ordinal);
    }

    private IRenderedComponent<VisualizerPanel> RenderPanel(string shotId, Guid? sceneId = null)
    {
        var cut = Render<VisualizerPanel>(p => p.Add(x => x.SceneId, sceneId ?? Scene.Id).Add(x => x.ShotId, shotId).Add(x => x.CurrentTime, 1.5));
        // The panel loads the scene and asks the planning service before it shows the options.
        cut.WaitForElement("select[aria-label=Duration]", TimeSpan.FromSeconds(30));
        return cut;
    }

    private static Task SelectModelAsync(IRenderedComponent<VisualizerPanel> cut, string modelId) =>
        cut.Find("select[aria-label=Model]").ChangeAsync(new ChangeEventArgs { Value = modelId });

    private static Task ClickTabAsync(IRenderedComponent<VisualizerPanel> cut, string name) =>
        cut.FindAll("[role=tab]").First(t => t.TextContent.Trim().TrimEnd('•').Trim() == name).ClickAsync(new());

    private static async Task<string?> PromptOfTabAsync(IRenderedComponent<VisualizerPanel> cut, string name)
    {
        await ClickTabAsync(cut, name);
        return TextOf(cut.Find("[role=tabpanel] textarea"));
    }

    private static string? TextOf(IElement textarea) => textarea.GetAttribute("value") ?? textarea.TextContent;
}
