using System.Globalization;
using Previz.Core;
using Previz.Rendering.Adherence;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Xunit.Abstractions;

namespace Previz.Rendering.Tests.Adherence;

/// <summary>
/// Motion adherence of clips made from the samples' shots — the stadium's establishing crane (a travelling camera, nothing
/// else moving), its breakaway (a follow camera running with the players) and the product turntable (a locked-off camera,
/// a turning product): the shot's own Direct Render, copies restyled the way a model restyles, and clips whose camera or
/// objects do something else.
/// </summary>
public sealed class AdherenceMeterTests : IClassFixture<AdherenceClips>
{
    private readonly AdherenceClips _clips;
    private readonly ITestOutputHelper _output;

    public AdherenceMeterTests(AdherenceClips clips, ITestOutputHelper output)
    {
        _clips = clips;
        _output = output;
    }

    [Fact]
    public async Task The_shots_own_direct_render_scores_at_least_0_95_and_follows_the_move()
    {
        var adherence = await Measure("establishing", await _clips.RenderAsync("establishing"));

        Assert.True(adherence.Score >= 0.95, $"score {adherence.Score}: {adherence.Sentence}");
        Assert.StartsWith("follows the truck move", adherence.Sentence, StringComparison.Ordinal);
        // One value a second over the 8 s shot, each of them high.
        Assert.Equal(8, adherence.PerSecond.Count);
        Assert.All(adherence.PerSecond, s => Assert.True(s >= 0.85, $"a second scored {s} of {string.Join(", ", adherence.PerSecond)}"));
        Assert.Equal(8, adherence.ScoredSeconds, 1);
    }

    [Theory]
    [InlineData("breakaway")]
    [InlineData("turntable")]
    public async Task The_own_render_of_a_shot_with_moving_objects_scores_at_least_0_95_and_says_they_move_as_authored(string shot)
    {
        var adherence = await Measure(shot, await _clips.RenderAsync(shot));

        Assert.True(adherence.Score >= 0.95, $"score {adherence.Score}: {adherence.Sentence}");
        Assert.Contains("move as authored", adherence.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shot_where_nothing_but_the_camera_moves_has_no_object_score()
    {
        var adherence = await Measure("establishing", await _clips.RenderAsync("establishing"));

        Assert.Null(adherence.ObjectScore);
        Assert.Equal(adherence.Score, adherence.CameraScore);
    }

    [Theory]
    [InlineData("establishing", "grade")]
    [InlineData("establishing", "blur")]
    [InlineData("establishing", "noise")]
    [InlineData("establishing", "grain")]
    [InlineData("establishing", "zoom")]
    [InlineData("breakaway", "grade")]
    [InlineData("breakaway", "blur")]
    [InlineData("breakaway", "noise")]
    [InlineData("breakaway", "grain")]
    [InlineData("breakaway", "zoom")]
    [InlineData("turntable", "grade")]
    [InlineData("turntable", "blur")]
    [InlineData("turntable", "noise")]
    [InlineData("turntable", "grain")]
    [InlineData("turntable", "zoom")]
    public async Task A_copy_restyled_the_way_a_model_restyles_scores_at_least_0_8(string shot, string kind)
    {
        var filter = kind switch
        {
            "grade" => "eq=contrast=1.3:saturation=0.5:gamma=1.2,colorbalance=rs=0.2:bs=-0.2",
            "blur" => "gblur=sigma=3",
            "noise" => "noise=alls=25:allf=t+u",
            "grain" => "noise=c0s=14:c0f=t,gblur=sigma=0.8",
            // A tenth cropped off and scaled back up: the framing a little tighter.
            _ => "crop=iw/1.1:ih/1.1,scale=trunc(iw*1.1/2)*2:trunc(ih*1.1/2)*2",
        };
        var clip = await _clips.VariantAsync(shot, kind, "-vf", filter);

        var adherence = await Measure(shot, clip);

        Assert.True(adherence.Score >= 0.8, $"{shot} {kind}: score {adherence.Score}: {adherence.Sentence}");
        // The tighter framing is found, lined up and said; the others frame the shot as the render does.
        Assert.Equal(kind == "zoom", adherence.Sentence.Contains("framed 10 % tighter", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("establishing", "reverse", "moves against the truck move")]
    [InlineData("establishing", "frozen", "barely moves instead of the truck move")]
    [InlineData("breakaway", "reverse", "moves against")]
    [InlineData("breakaway", "frozen", "barely moves")]
    [InlineData("turntable", "reverse", "move against the authored motion (reversed)")]
    [InlineData("turntable", "frozen", "barely move")]
    public async Task The_motion_reversed_or_a_frozen_frame_scores_at_most_0_4(string shot, string kind, string words)
    {
        var clip = kind == "reverse"
            ? await _clips.VariantAsync(shot, kind, "-vf", "reverse")
            : await _clips.VariantAsync(shot, kind, "-vf", "loop=loop=-1:size=1:start=0", "-t", _clips.Shot(shot).Duration.ToString(CultureInfo.InvariantCulture));

        var adherence = await Measure(shot, clip);

        Assert.True(adherence.Score <= 0.4, $"{shot} {kind}: score {adherence.Score}: {adherence.Sentence}");
        Assert.Contains(words, adherence.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frozen_turntable_says_its_objects_barely_move()
    {
        var clip = await _clips.VariantAsync("turntable", "frozen", "-vf", "loop=loop=-1:size=1:start=0", "-t", "6");

        var adherence = await Measure("turntable", clip);

        Assert.Matches("^holds still like the authored camera; the (turntable|perfume bottle|bottle cap)(, | and )(.+) barely move$", adherence.Sentence);
        Assert.True(adherence.ObjectScore <= 0.1, $"objects {adherence.ObjectScore}");
    }

    [Theory]
    [InlineData("establishing", "breakaway")]
    [InlineData("breakaway", "establishing")]
    [InlineData("turntable", "establishing")]
    [InlineData("turntable", "circling")]
    public async Task Another_shots_camera_path_scores_at_most_0_4(string shot, string other)
    {
        var clip = other == "circling" ? await _clips.CirclingRenderAsync() : await _clips.RenderAsync(other);

        var adherence = await Measure(shot, clip);

        Assert.True(adherence.Score <= 0.4, $"{other} against {shot}: score {adherence.Score}: {adherence.Sentence}");
    }

    [Fact]
    public async Task A_locked_off_shot_says_a_clip_that_moves_moves_where_the_camera_holds_still()
    {
        // The turntable's camera never moves: a travelling camera is everything it should not be.
        var adherence = await Measure("turntable", await _clips.RenderAsync("establishing"));

        Assert.StartsWith("moves where the authored camera holds still", adherence.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_camera_circling_the_product_is_told_by_the_product_turning_otherwise()
    {
        // Against the turntable's bare backdrop a circling camera shows little of its own move; the product does not
        // turn on screen as authored, and that is what the sentence says. The turntable still turns in that clip, so part
        // of the objects' motion is as authored: their part stays under the bar for another camera path, not at nothing.
        var adherence = await Measure("turntable", await _clips.CirclingRenderAsync());

        Assert.True(adherence.Score <= 0.4, $"score {adherence.Score}: {adherence.Sentence}");
        Assert.True(adherence.ObjectScore <= 0.4, $"objects {adherence.ObjectScore}: {adherence.Sentence}");
        Assert.EndsWith("do not move as authored", adherence.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_clip_of_another_size_and_frame_rate_is_resampled_not_refused()
    {
        var clip = await _clips.VariantAsync("establishing", "small30", "-vf", "scale=640:-2,fps=30");

        var adherence = await Measure("establishing", clip);

        Assert.True(adherence.Score >= 0.8, $"score {adherence.Score}: {adherence.Sentence}");
        Assert.Equal(8, adherence.PerSecond.Count);
    }

    [Fact]
    public async Task A_clip_shorter_than_the_shot_is_scored_over_its_length_and_says_so()
    {
        var clip = await _clips.VariantAsync("establishing", "short", "-t", "2.5");

        var adherence = await Measure("establishing", clip);

        Assert.Equal(2.5, adherence.ScoredSeconds, 1);
        Assert.Equal(2.5, adherence.ClipSeconds, 1);
        Assert.Equal(2, adherence.PerSecond.Count);
        Assert.Contains("the clip covers 2.5 s of the shot's 8.0 s and is scored over its length", adherence.Sentence, StringComparison.Ordinal);
        Assert.True(adherence.Score >= 0.9, $"score {adherence.Score}: {adherence.Sentence}");
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_is_a_user_error_naming_it()
    {
        var text = Path.Combine(_clips.Folder, "notes.mp4");
        await File.WriteAllTextAsync(text, "not a video at all");

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Measure("establishing", text));

        Assert.Contains("notes.mp4\" is not a video", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_picture_is_a_user_error_not_a_clip()
    {
        var still = Path.Combine(_clips.Folder, "still.png");
        await DirectRenderer.RenderStillAsync(_clips.Stadium, _clips.Shot("establishing"), 1, RenderPass.Shaded, ResolutionPreset.OneK, still);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Measure("establishing", still));

        Assert.Contains("single picture", error.Message, StringComparison.Ordinal);
    }

    private async Task<MotionAdherence> Measure(string shot, string clip)
    {
        var adherence = await AdherenceMeter.MeasureAsync(_clips.SceneOf(shot), _clips.Shot(shot), clip);
        _output.WriteLine($"{shot} ← {Path.GetFileName(clip)}: score={adherence.Score} camera={adherence.CameraScore} objects={adherence.ObjectScore}: {adherence.Sentence}");
        return adherence;
    }
}
