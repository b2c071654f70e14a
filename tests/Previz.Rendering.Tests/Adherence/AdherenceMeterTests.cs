using Previz.Core;
using Previz.Rendering.Adherence;

namespace Previz.Rendering.Tests.Adherence;

/// <summary>
/// Motion adherence of clips made from the stadium sample's shots: the shot's own Direct Render, copies restyled the way
/// a model restyles, and clips whose camera does something else.
/// </summary>
public sealed class AdherenceMeterTests : IClassFixture<AdherenceClips>
{
    private readonly AdherenceClips _clips;

    public AdherenceMeterTests(AdherenceClips clips)
    {
        _clips = clips;
    }

    [Fact]
    public async Task The_shots_own_direct_render_scores_at_least_0_95_and_follows_the_move()
    {
        var adherence = await Measure("establishing", await _clips.RenderAsync("establishing"));

        Assert.True(adherence.Score >= 0.95, $"score {adherence.Score}: {adherence.Sentence}");
        Assert.StartsWith("follows the truck move", adherence.Sentence, StringComparison.Ordinal);
        // One value a second over the 8 s shot, each of them high.
        Assert.Equal(8, adherence.PerSecond.Count);
        Assert.All(adherence.PerSecond, s => Assert.True(s >= 0.85, $"a second scored {s}"));
        Assert.Equal(8, adherence.ScoredSeconds, 1);
    }

    [Theory]
    [InlineData("grade", "eq=contrast=1.3:saturation=0.5:gamma=1.2,colorbalance=rs=0.2:bs=-0.2")]
    [InlineData("blur", "gblur=sigma=3")]
    [InlineData("noise", "noise=alls=25:allf=t+u")]
    [InlineData("grain", "noise=c0s=14:c0f=t,gblur=sigma=0.8")]
    [InlineData("zoom", "crop=iw/1.1:ih/1.1,scale=1280:536")]
    public async Task A_copy_restyled_the_way_a_model_restyles_scores_at_least_0_8(string kind, string filter)
    {
        var clip = await _clips.VariantAsync("establishing", kind, "-vf", filter);

        var adherence = await Measure("establishing", clip);

        Assert.True(adherence.Score >= 0.8, $"{kind}: score {adherence.Score}: {adherence.Sentence}");
    }

    [Theory]
    [InlineData("establishing", "reverse", "moves against the truck move")]
    [InlineData("establishing", "frozen", "barely moves instead of the truck move")]
    [InlineData("breakaway", "reverse", "moves against")]
    [InlineData("breakaway", "frozen", "barely moves")]
    public async Task The_move_reversed_or_a_frozen_frame_scores_at_most_0_4(string shot, string kind, string words)
    {
        var clip = kind == "reverse"
            ? await _clips.VariantAsync(shot, kind, "-vf", "reverse")
            : await _clips.VariantAsync(shot, kind, "-vf", "loop=loop=-1:size=1:start=0", "-t", _clips.Shot(shot).Duration.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var adherence = await Measure(shot, clip);

        Assert.True(adherence.Score <= 0.4, $"{shot} {kind}: score {adherence.Score}: {adherence.Sentence}");
        Assert.Contains(words, adherence.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("establishing", "breakaway")]
    [InlineData("breakaway", "establishing")]
    [InlineData("turntable", "establishing")]
    public async Task Another_shots_camera_path_scores_at_most_0_4(string shot, string other)
    {
        var adherence = await Measure(shot, await _clips.RenderAsync(other));

        Assert.True(adherence.Score <= 0.4, $"{other} against {shot}: score {adherence.Score}: {adherence.Sentence}");
    }

    [Fact]
    public async Task A_locked_off_shot_says_a_clip_that_moves_moves_where_the_camera_holds_still()
    {
        // The turntable's camera never moves: the stadium's travelling camera is everything it should not be.
        var adherence = await Measure("turntable", await _clips.RenderAsync("establishing"));

        Assert.StartsWith("moves where the authored camera holds still", adherence.Sentence, StringComparison.Ordinal);
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
        await DirectRenderer.RenderStillAsync(_clips.Stadium, _clips.Shot("establishing"), 1, Previz.Rendering.Rasterizing.RenderPass.Shaded, Previz.Rendering.Framing.ResolutionPreset.OneK, still);

        var error = await Assert.ThrowsAsync<UserErrorException>(() => Measure("establishing", still));

        Assert.Contains("single picture", error.Message, StringComparison.Ordinal);
    }

    private Task<MotionAdherence> Measure(string shot, string clip)
    {
        var scene = _clips.Stadium.FindShot(shot) is not null ? _clips.Stadium : _clips.Turntable;
        return AdherenceMeter.MeasureAsync(scene, _clips.Shot(shot), clip);
    }
}
