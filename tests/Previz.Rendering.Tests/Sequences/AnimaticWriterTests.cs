using Previz.Core;
using Previz.Core.Scenes;
using Previz.Core.Sequences;
using Previz.Rendering.Sequences;
using static Previz.Rendering.Tests.Sequences.AnimaticMedia;

namespace Previz.Rendering.Tests.Sequences;

/// <summary>The animatic MP4: frame-exact shots from their own takes, held takes, sound and cues, and one ffmpeg run.</summary>
public sealed class AnimaticWriterTests
{
    private readonly AnimaticWriter _writer = new();

    [Fact]
    public async Task Takes_of_another_size_and_rate_are_re_encoded_once_each_shot_from_its_own_take()
    {
        var cut = await CutAsync([("a", RedWithTone), ("b", BlueSilent), ("c", ShortPattern), ("d", YellowLarger)]);
        var (folder, target) = Target();

        var result = await _writer.WriteAsync(cut, folder, target);

        Assert.Equal(AnimaticEncoding.Reencode, result.Encoding);
        Assert.Equal(4 * 48, DecodedFrames(target));
        Assert.Equal("320,180,24/1", Probe(["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height,r_frame_rate", "-of", "csv=p=0", target]).Trim());
        var colours = FrameColours(target);
        Assert.Equal(192, colours.Count);
        Assert.All(colours[..48], c => Assert.True(IsRed(c), $"{c} in shot a"));
        Assert.All(colours[48..96], c => Assert.True(IsBlue(c), $"{c} in shot b"));
        Assert.All(colours[144..], c => Assert.True(IsYellow(c), $"{c} in shot d"));
        Assert.False(IsBlue(colours[120]) || IsYellow(colours[120]), "shot c's middle shows its own take");
        Assert.Equal([target], Directory.GetFiles(folder));
    }

    [Fact]
    public async Task A_short_take_is_held_on_its_last_frame_and_a_note_names_the_shot_and_the_frames()
    {
        var cut = await CutAsync([("a", RedWithTone), ("c", ShortPattern)]);
        var (folder, target) = Target();

        var result = await _writer.WriteAsync(cut, folder, target);

        var note = Assert.Single(result.Notes);
        Assert.Contains("Shot \"Shot c\" (c)", note, StringComparison.Ordinal);
        Assert.Contains("held for 24 frames", note, StringComparison.Ordinal);
        var frames = GreyFrames(target);
        Assert.Equal(96, frames.Count);
        var take = GreyFrames(ShortPattern);
        Assert.Equal(24, take.Count);
        // The pattern's counter moves while the take plays, then the take's last frame repeats to the shot's end.
        Assert.True(MeanDifference(frames[48], frames[71]) > 2, "the take plays before it is held");
        Assert.True(MeanDifference(frames[71], take[23]) < 3, "frame 71 is the take's last frame");
        for (var i = 72; i < 96; i++)
        {
            Assert.True(MeanDifference(frames[i], frames[71]) < 1, $"frame {i} repeats the take's last frame");
        }
    }

    [Fact]
    public async Task Matching_takes_are_joined_by_a_stream_copy_with_their_sound_and_a_cue_where_it_is_placed()
    {
        var cut = await CutAsync([("a", RedWithTone), ("b", BlueSilent), ("c", GreenSilent)], [(Beep, 2.5, -6)]);
        var (folder, target) = Target();

        var result = await _writer.WriteAsync(cut, folder, target);

        Assert.Equal(AnimaticEncoding.StreamCopy, result.Encoding);
        Assert.Empty(result.Notes);
        Assert.Equal(144, DecodedFrames(target));
        var colours = FrameColours(target);
        Assert.All(colours[..48], c => Assert.True(IsRed(c), $"{c} in shot a"));
        Assert.All(colours[48..96], c => Assert.True(IsBlue(c), $"{c} in shot b"));
        Assert.All(colours[96..], c => Assert.True(IsGreen(c), $"{c} in shot c"));

        var level = LoudnessPerTenth(target);
        Assert.InRange(level.Count, 59, 61);
        // The red take's tone, then silence in the silent blue shot until the cue at 2.5 s, which lasts half a second,
        // then silence again to the end of the silent green shot.
        Assert.All(level[1..19], l => Assert.True(l > 0.05, $"the red take's tone is kept ({l})"));
        Assert.All(level[21..25], l => Assert.True(l < 0.001, $"silence before the cue ({l})"));
        Assert.All(level[25..30], l => Assert.True(l > 0.02, $"the cue is heard from 2.5 s ({l})"));
        Assert.All(level[31..59], l => Assert.True(l < 0.001, $"silence after the cue ({l})"));
    }

    [Fact]
    public async Task A_cue_gain_sets_its_level_as_placed_and_the_mix_is_not_normalized()
    {
        var loud = await CutAsync([("a", BlueSilent)], [(Beep, 0.5, 0)]);
        var quiet = await CutAsync([("a", BlueSilent)], [(Beep, 0.5, -12)]);
        var (folder, a) = Target();
        var b = Path.Combine(folder, "quiet.mp4");

        await _writer.WriteAsync(loud, folder, a);
        await _writer.WriteAsync(quiet, folder, b);

        var beep = LoudnessPerTenth(Beep)[2];
        var loudLevel = LoudnessPerTenth(a)[7];
        var quietLevel = LoudnessPerTenth(b)[7];
        Assert.InRange(loudLevel / beep, 0.9, 1.1);
        // −12 dB is a quarter of the amplitude.
        Assert.InRange(quietLevel / loudLevel, 0.22, 0.28);
    }

    [Fact]
    public async Task Burning_in_names_and_timecode_re_encodes_matching_takes_and_draws_over_the_picture()
    {
        var cut = await CutAsync([("a", BlueSilent), ("b", GreenSilent)]);
        var (folder, plain) = Target();
        var burnt = Path.Combine(folder, "burnt.mp4");

        await _writer.WriteAsync(cut, folder, plain);
        var result = await _writer.WriteAsync(cut, folder, burnt, new AnimaticOptions { BurnIn = true });

        Assert.Equal(AnimaticEncoding.Reencode, result.Encoding);
        Assert.False(result.HasAudio);
        Assert.Equal(96, DecodedFrames(burnt));
        var plainFrames = GreyFrames(plain);
        var burntFrames = GreyFrames(burnt);
        Assert.True(MeanDifference(plainFrames[10], burntFrames[10]) > 1, "text is drawn");
        // The bottom left corner, where the name and the timecode are drawn: the timecode's frames change every frame.
        var corner = GreyFrames(burnt, "crop=iw/2:ih/8:0:ih*7/8,");
        Assert.True(MeanDifference(corner[10], corner[11]) > 1, "the timecode runs");
    }

    [Fact]
    public async Task A_missing_take_is_named_and_nothing_is_left_behind()
    {
        var cut = await CutAsync([("a", RedWithTone), ("b", BlueSilent)]);
        var gone = cut with { Clips = [cut.Clips[0], cut.Clips[1] with { Take = cut.Clips[1].Take with { MediaPath = "no-such-take.mp4" } }] };
        var (folder, target) = Target();

        var error = await Assert.ThrowsAsync<SequenceException>(() => _writer.WriteAsync(gone, folder, target));

        Assert.Contains(Path.Combine(folder, "no-such-take.mp4"), error.Message, StringComparison.Ordinal);
        Assert.Contains("shot \"b\"", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task A_cue_that_is_not_audio_is_refused_by_name_before_any_output()
    {
        var probe = new SequenceProbe();
        var text = Path.Combine(Target().Folder, "notes.txt");
        await File.WriteAllTextAsync(text, "not a sound");

        var silentVideo = await Assert.ThrowsAsync<SequenceException>(() => probe.AudioLengthAsync(BlueSilent, CancellationToken.None));
        var notMedia = await Assert.ThrowsAsync<SequenceException>(() => probe.AudioLengthAsync(text, CancellationToken.None));

        Assert.Equal($"\"{BlueSilent}\" is not an audio file: it has no sound to play.", silentVideo.Message);
        Assert.Equal($"\"{text}\" is not an audio file ffmpeg can read.", notMedia.Message);

        var cut = await CutAsync([("a", BlueSilent)]);
        var withVideoCue = cut with { Cues = [new SoundCue("blue", GreenSilent, 0, 24, 0)] };
        var (folder, target) = Target();
        var error = await Assert.ThrowsAsync<SequenceException>(() => _writer.WriteAsync(withVideoCue, folder, target));
        Assert.Contains(GreenSilent, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task A_cancelled_animatic_leaves_no_file_and_no_temporary_file()
    {
        var cut = await CutAsync([("a", RedWithTone), ("b", YellowLarger), ("c", ShortPattern), ("d", BlueSilent)]);
        var longer = cut with { Clips = [.. cut.Clips.Select((c, i) => c with { RecordStart = i * 2400, Frames = 2400 })] };
        var (folder, target) = Target();
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress<double>(p =>
        {
            if (p > 0)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _writer.WriteAsync(longer, folder, target, new AnimaticOptions { BurnIn = true }, progress, cancel.Token));

        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public async Task A_take_is_probed_in_whole_frames_of_the_cut_with_its_sound()
    {
        var probe = new SequenceProbe();

        var red = await probe.TakeAsync(RedWithTone, new FrameRate(24, 1), "red", "media/red.mp4", CancellationToken.None);
        var yellow = await probe.TakeAsync(YellowLarger, new FrameRate(24, 1), "yellow", null, CancellationToken.None);
        var beep = await probe.AudioLengthAsync(Beep, CancellationToken.None);

        Assert.Equal(new SequenceTake("media/red.mp4", "red", 48, true), red);
        Assert.Equal(new SequenceTake(YellowLarger, "yellow", 48, false), yellow);
        Assert.Equal(0.5, beep, 3);
        var missing = await Assert.ThrowsAsync<SequenceException>(() => probe.TakeAsync("/no/such.mp4", new FrameRate(24, 1), "x", null, CancellationToken.None));
        Assert.Equal("Media file not found: /no/such.mp4", missing.Message);
        var sound = await Assert.ThrowsAsync<SequenceException>(() => probe.TakeAsync(Beep, new FrameRate(24, 1), "x", null, CancellationToken.None));
        Assert.Contains("has no picture", sound.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_burnt_in_timecode_is_the_record_timecode_of_the_timelines_and_filter_values_are_escaped_twice()
    {
        Assert.Equal("01:00:02:00", AnimaticWriter.RecordTimecode(new FrameRate(24, 1), 48));
        Assert.Equal("02:00:00:05", AnimaticWriter.RecordTimecode(new FrameRate(24000, 1001), (3600 * 24) + 5));
        Assert.Equal(@"a\\:b\\\\c\\\'d\,e", AnimaticWriter.FilterValue(@"a:b\c'd,e"));
    }

    private static double MeanDifference(byte[] a, byte[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += Math.Abs(a[i] - b[i]);
        }

        return sum / a.Length;
    }

    private static (string Folder, string Target) Target()
    {
        var folder = OutputFolder();
        return (folder, Path.Combine(folder, "animatic.mp4"));
    }
}
