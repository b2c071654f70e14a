using Previz.Core.Catalog;
using Previz.Core.Loading;
using Previz.Core.Modes;
using Previz.Core.Prompting;
using Previz.Core.Scenes;

namespace Previz.Core.Tests.Prompting;

public class PromptTests
{
    private static SceneDocument Stadium { get; } = SceneReader.Read(File.ReadAllText(SampleScenes.PathOf("stadium.previz.json"))).Scene;

    private static string Section(string text, string header)
    {
        var start = text.IndexOf(header, StringComparison.Ordinal);
        Assert.True(start >= 0, $"{header} missing in:\n{text}");
        var next = text.IndexOf("\n[", start + header.Length, StringComparison.Ordinal);
        return next < 0 ? text[start..] : text[start..next];
    }

    [Fact]
    public void The_scene_part_has_the_five_blocks_in_order()
    {
        var scene = PromptGenerator.Scene(PromptContext.For(Stadium, "establishing"));
        var positions = new[]
        {
            PromptSections.SceneContext, PromptSections.EnvironmentAndProps, PromptSections.Subjects,
            PromptSections.CameraMotion, PromptSections.SubjectMotion,
        }.Select(h => scene.IndexOf(h, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void The_stadium_prompt_names_its_heroes_and_notes_the_one_with_a_reference_image()
    {
        var subjects = Section(PromptGenerator.Scene(PromptContext.For(Stadium, "breakaway")), PromptSections.Subjects);
        Assert.Contains("- striker", subjects, StringComparison.Ordinal);
        Assert.Contains("- ball", subjects, StringComparison.Ordinal);
        var ballLine = subjects.Split('\n').Single(l => l.StartsWith("- ball", StringComparison.Ordinal));
        Assert.Contains("reference", ballLine, StringComparison.Ordinal);
        Assert.Contains("front view", ballLine, StringComparison.Ordinal);
        Assert.DoesNotContain("goal post", subjects, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stadium_prompt_lists_its_props_grouped_with_descriptions_and_the_night_setting()
    {
        var env = Section(PromptGenerator.Scene(PromptContext.For(Stadium, "establishing")), PromptSections.EnvironmentAndProps);
        Assert.Contains("Night", env, StringComparison.Ordinal);
        Assert.Contains("- pitch: a freshly mown natural-grass pitch with stripes", env, StringComparison.Ordinal);
        Assert.Contains("- floodlight mast ×4", env, StringComparison.Ordinal);
        Assert.Contains("- goal post ×4", env, StringComparison.Ordinal);
        Assert.DoesNotContain("- striker", env, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scene_context_gives_names_lens_aspect_and_framing()
    {
        var establishing = Section(PromptGenerator.Scene(PromptContext.For(Stadium, "establishing")), PromptSections.SceneContext);
        Assert.Contains("Stadium: A floodlit soccer stadium", establishing, StringComparison.Ordinal);
        Assert.Contains("Shot \"Establishing crane move\"", establishing, StringComparison.Ordinal);
        Assert.Contains("Wide shot, high angle, 24 mm lens, 16:9 landscape frame.", establishing, StringComparison.Ordinal);

        var breakaway = Section(PromptGenerator.Scene(PromptContext.For(Stadium, "breakaway")), PromptSections.SceneContext);
        Assert.Contains("eye-level angle, 70 mm lens, 2.39:1 landscape frame", breakaway, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_stadium_shots_describe_their_motion()
    {
        var first = PromptGenerator.Scene(PromptContext.For(Stadium, "establishing"));
        Assert.Contains("The camera trucks 80 m left over 8 s.", Section(first, PromptSections.CameraMotion), StringComparison.Ordinal);

        var second = PromptGenerator.Scene(PromptContext.For(Stadium, "breakaway"));
        var camera = Section(second, PromptSections.CameraMotion);
        Assert.Contains("The camera trucks", camera, StringComparison.Ordinal);
        Assert.Contains("right", camera, StringComparison.Ordinal);
        Assert.Contains("keeping the striker in frame", camera, StringComparison.Ordinal);
        var subjects = Section(second, PromptSections.SubjectMotion);
        Assert.Contains("The striker travels", subjects, StringComparison.Ordinal);
        Assert.Contains("The ball travels 42 m from left to right", subjects, StringComparison.Ordinal);
    }

    [Fact]
    public void A_static_shot_says_the_camera_is_locked_off()
    {
        var scene = SceneReader.Read(File.ReadAllText(SampleScenes.PathOf("product-turntable.previz.json"))).Scene;
        var text = PromptGenerator.Scene(PromptContext.For(scene));
        Assert.Contains("locked off", Section(text, PromptSections.CameraMotion), StringComparison.Ordinal);
        Assert.Contains("9:16 portrait frame", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Image_mode_leaves_motion_out()
    {
        var text = PromptGenerator.Scene(PromptContext.For(Stadium, "breakaway", VisualizerMode.Image));
        Assert.DoesNotContain(PromptSections.CameraMotion, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PromptSections.SubjectMotion, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Style_and_lighting_come_from_the_presets_plus_the_scene_text()
    {
        var context = PromptContext.For(Stadium);
        var style = PromptGenerator.Style(context);
        Assert.StartsWith(PromptSections.Style, style, StringComparison.Ordinal);
        Assert.Contains(PromptPresets.Default.FindStyle("broadcast-sports")!.Text, style, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("live television football coverage", style, StringComparison.Ordinal);
        var lighting = PromptGenerator.Lighting(context);
        Assert.Contains("floodlights at night", lighting, StringComparison.Ordinal);
        Assert.Contains("hard white floodlights from four masts", lighting, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dozen_presets_of_each_kind_ship_with_unique_ids()
    {
        Assert.True(PromptPresets.Default.Styles.Count >= 12);
        Assert.True(PromptPresets.Default.Lighting.Count >= 12);
        Assert.Equal(PromptPresets.Default.Styles.Count, PromptPresets.Default.Styles.Select(p => p.Id).Distinct().Count());
        Assert.Equal(PromptPresets.Default.Lighting.Count, PromptPresets.Default.Lighting.Select(p => p.Id).Distinct().Count());
        foreach (var id in new[] { "photoreal", "anime-cel", "noir" })
        {
            Assert.NotNull(PromptPresets.Default.FindStyle(id));
        }

        foreach (var id in new[] { "golden-hour", "overcast", "stadium-floodlights" })
        {
            Assert.NotNull(PromptPresets.Default.FindLighting(id));
        }
    }

    [Fact]
    public void An_edit_survives_regenerating_another_part_and_refreshing_but_not_regenerating_itself()
    {
        var context = PromptContext.For(Stadium, "breakaway");
        var draft = PromptDraft.Generate(context).Edit(PromptPart.Style, "[Style]\nHand-drawn chalk on a blackboard.");
        var regenerated = draft.Regenerate(PromptPart.Lighting, context).Regenerate(PromptPart.Scene, context);
        Assert.Equal("[Style]\nHand-drawn chalk on a blackboard.", regenerated.Style.Text);
        Assert.True(regenerated.Style.Edited);

        var otherShot = regenerated.Refresh(PromptContext.For(Stadium, "establishing"));
        Assert.Equal("[Style]\nHand-drawn chalk on a blackboard.", otherShot.Style.Text);
        Assert.Contains("Establishing crane move", otherShot.Scene.Text, StringComparison.Ordinal);

        var reset = otherShot.Regenerate(PromptPart.Style, context);
        Assert.False(reset.Style.Edited);
        Assert.Contains("live television football coverage", reset.Style.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_audio_block_is_sent_only_when_audio_is_on()
    {
        var context = PromptContext.For(Stadium, "breakaway") with
        {
            AudioOn = true,
            Audio = new AudioCues(["Commentator: \"He's through on goal!\""], ["ball struck hard"], ["crowd roar"]),
        };
        var draft = PromptDraft.Generate(context);
        var on = draft.Compose(null, audioOn: true).Text;
        Assert.Contains("[Audio]\nDialog: Commentator: \"He's through on goal!\"\nSFX: ball struck hard\nAmbience: crowd roar", on, StringComparison.Ordinal);
        Assert.DoesNotContain("[Audio]", draft.Compose(null, audioOn: false).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_length_limit_is_honoured_by_dropping_props_first_and_saying_what_went()
    {
        var draft = PromptDraft.Generate(PromptContext.For(Stadium, "breakaway"));
        var full = draft.Compose(null, audioOn: false);
        Assert.False(full.Shortened);
        var limit = Catalog.Get("runway-gen-4.5").MaxPromptLength!.Value; // 1000
        Assert.True(full.Length > limit, "the stadium prompt should exceed Runway's limit for this test to mean anything");

        var fitted = draft.Compose(limit, audioOn: false);
        Assert.True(fitted.Length <= limit);
        Assert.False(fitted.Truncated);
        Assert.NotEmpty(fitted.Dropped);
        Assert.All(fitted.Dropped, d => Assert.Contains(d, full.Text, StringComparison.Ordinal));
        Assert.StartsWith("- ", fitted.Dropped[0], StringComparison.Ordinal); // a prop line goes first
        Assert.Contains("- striker", fitted.Text, StringComparison.Ordinal);
        Assert.Contains("The camera trucks", fitted.Text, StringComparison.Ordinal);
        Assert.Contains("The ball travels", fitted.Text, StringComparison.Ordinal);
        foreach (var line in full.Text.Split('\n'))
        {
            Assert.True(fitted.Text.Contains(line, StringComparison.Ordinal) || fitted.Dropped.Contains(line.Trim()) || PromptSections.IsHeader(line),
                $"line neither kept nor reported dropped: {line}");
        }
    }

    [Fact]
    public void A_header_leaves_with_its_last_line_and_user_text_outside_sections_is_kept_longest()
    {
        var composed = PromptComposer.Compose(["My own words first.", "[Environment & Props]\n- a\n- b", "[Subjects]\n- hero"], 40);
        Assert.Equal("My own words first.\n[Subjects]\n- hero", composed.Text);
        Assert.Equal(["- b", "- a"], composed.Dropped);
    }

    private static ModelCatalog Catalog => ModelCatalog.Default;
}
