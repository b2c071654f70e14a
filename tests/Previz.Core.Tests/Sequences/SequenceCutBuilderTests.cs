using Previz.Core.Scenes;
using Previz.Core.Sequences;

namespace Previz.Core.Tests.Sequences;

public sealed class SequenceCutBuilderTests
{
    private static readonly SequenceTake Full = new("takes/a.mp4", "render", 1000, false);

    private static SequenceCut Cut(IReadOnlyList<SoundCuePlacement> cues, double fps = 24, params (string Id, double Seconds, SequenceTake? Take)[] shots)
    {
        var list = shots.Select(s => SampleCuts.Shot(s.Id, s.Id.ToUpperInvariant(), s.Seconds, fps)).ToList();
        var takes = shots.Where(s => s.Take is not null).ToDictionary(s => s.Id, s => s.Take!);
        return SequenceCutBuilder.Build("cut", list, takes, cues, 1280, 720);
    }

    [Fact]
    public void Shots_are_cut_back_to_back_from_frame_zero_at_the_first_shots_rate()
    {
        var cut = Cut([], 24, ("a", 2.0, Full), ("b", 1.5, Full), ("c", 0.5, Full));
        Assert.Equal(new FrameRate(24, 1), cut.Rate);
        Assert.Equal([0, 48, 84], cut.Clips.Select(c => c.RecordStart));
        Assert.Equal([48, 36, 12], cut.Clips.Select(c => c.Frames));
        Assert.Equal(96, cut.TotalFrames);
        Assert.Equal(["A", "B", "C"], cut.Clips.Select(c => c.Name));
        Assert.All(cut.Clips, c => Assert.Equal(0, c.HeldFrames));
    }

    [Fact]
    public void Shots_are_cut_at_ntsc_rates_with_whole_frames()
    {
        var cut = Cut([], 23.976, ("a", 2.0, Full), ("b", 1.0, Full));
        Assert.Equal(new FrameRate(24000, 1001), cut.Rate);
        Assert.Equal([48, 24], cut.Clips.Select(c => c.Frames));
        Assert.Equal(72, cut.TotalFrames);
    }

    [Fact]
    public void A_take_shorter_than_its_shot_is_held_on_its_last_frame()
    {
        var shortTake = new SequenceTake("takes/b.mp4", "kling", 30, true);
        var cut = Cut([], 24, ("a", 1.0, Full), ("b", 2.0, shortTake));
        var held = cut.Clips[1];
        Assert.Equal(48, held.Frames);
        Assert.Equal(30, held.SourceFrames);
        Assert.Equal(18, held.HeldFrames);
        Assert.Equal(72, held.RecordEnd);
    }

    [Fact]
    public void A_take_longer_than_its_shot_is_trimmed_at_the_shots_length()
    {
        var cut = Cut([], 25, ("a", 1.0, Full));
        Assert.Equal(25, cut.Clips[0].SourceFrames);
        Assert.Equal(0, cut.Clips[0].HeldFrames);
    }

    [Fact]
    public void A_take_for_a_shot_not_in_the_cut_is_refused_naming_the_shot_and_the_cuts_shots()
    {
        var shots = new[] { SampleCuts.Shot("a", "A", 1, 24), SampleCuts.Shot("b", "B", 1, 24) };
        var takes = new Dictionary<string, SequenceTake> { ["a"] = Full, ["b"] = Full, ["zz"] = Full };
        var error = Assert.Throws<SequenceException>(() => SequenceCutBuilder.Build("cut", shots, takes, [], 1280, 720));
        Assert.Equal("A take is given for shot \"zz\", which is not in the sequence (its shots: a, b).", error.Message);
    }

    [Theory]
    [InlineData(12.5)]
    [InlineData(25.5)]
    public void A_cut_at_a_rate_timecode_cannot_count_is_refused_naming_the_rate_and_the_shot(double fps)
    {
        var error = Assert.Throws<SequenceException>(() => Cut([], fps, ("a", 1.0, Full)));
        Assert.Contains(fps.ToString(System.Globalization.CultureInfo.InvariantCulture) + " fps is not a whole or NTSC", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"a\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shot_without_a_take_is_refused_with_what_to_do()
    {
        var error = Assert.Throws<SequenceException>(() => Cut([], 24, ("a", 1.0, Full), ("b", 1.0, null)));
        Assert.Equal("Shot \"b\" has no take: choose a clip of it or Direct Render.", error.Message);
    }

    [Fact]
    public void An_empty_take_no_shots_and_an_empty_picture_are_refused()
    {
        var empty = new SequenceTake("takes/e.mp4", "x", 0, false);
        Assert.Contains("has no frames", Assert.Throws<SequenceException>(() => Cut([], 24, ("a", 1.0, empty))).Message, StringComparison.Ordinal);
        Assert.Equal("A sequence needs at least one shot.", Assert.Throws<SequenceException>(() => SequenceCutBuilder.Build("c", [], new Dictionary<string, SequenceTake>(), [], 10, 10)).Message);
        var shots = new[] { SampleCuts.Shot("a", "A", 1, 24) };
        Assert.Contains("0×720", Assert.Throws<SequenceException>(() => SequenceCutBuilder.Build("c", shots, new Dictionary<string, SequenceTake> { ["a"] = Full }, [], 0, 720)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cues_are_placed_on_the_nearest_frame_and_sorted_by_start()
    {
        var cut = Cut([new("late", "l.wav", 1.5, 0.25, 0), new("early", "e.wav", 0.51, 0.5, -3)], 24, ("a", 3.0, Full));
        Assert.Equal(["early", "late"], cut.Cues.Select(c => c.Name));
        Assert.Equal([12, 36], cut.Cues.Select(c => c.RecordStart));
        Assert.Equal([12, 6], cut.Cues.Select(c => c.Frames));
        Assert.Equal(-3, cut.Cues[0].GainDb);
    }

    [Fact]
    public void A_cue_longer_than_what_is_left_of_the_cut_is_cut_at_the_end()
    {
        var cut = Cut([new("music", "m.wav", 1.0, 60, 0)], 24, ("a", 2.0, Full));
        Assert.Equal(24, cut.Cues[0].RecordStart);
        Assert.Equal(24, cut.Cues[0].Frames);
        Assert.Equal(cut.TotalFrames, cut.Cues[0].RecordEnd);
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(5.0)]
    [InlineData(1.99)]
    public void A_cue_starting_at_or_past_the_end_is_refused_with_the_cuts_span(double start)
    {
        var error = Assert.Throws<SequenceException>(() => Cut([new("boom", "b.wav", start, 1, 0)], 24, ("a", 2.0, Full)));
        Assert.StartsWith("Sound cue \"boom\" starts at ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("s, outside the sequence (0 to 2 s).", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void A_cue_with_a_negative_or_missing_start_is_refused(double start)
    {
        var error = Assert.Throws<SequenceException>(() => Cut([new("boom", "b.wav", start, 1, 0)], 24, ("a", 2.0, Full)));
        Assert.Contains("outside the sequence (0 to 2 s)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(24.5)]
    [InlineData(-61)]
    [InlineData(double.PositiveInfinity)]
    public void A_cue_gain_out_of_range_is_refused_with_the_range(double gain)
    {
        var error = Assert.Throws<SequenceException>(() => Cut([new("boom", "b.wav", 0, 1, gain)], 24, ("a", 2.0, Full)));
        Assert.StartsWith("Sound cue \"boom\" has gain ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" dB; a gain is from -60 to +24 dB.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gains_at_the_limits_are_accepted()
    {
        var cut = Cut([new("quiet", "q.wav", 0, 1, -60), new("loud", "l.wav", 0, 1, 24)], 24, ("a", 2.0, Full));
        Assert.Equal(2, cut.Cues.Count);
    }

    [Fact]
    public void A_cue_shorter_than_a_frame_is_refused()
    {
        var error = Assert.Throws<SequenceException>(() => Cut([new("tick", "t.wav", 0, 0.01, 0)], 24, ("a", 2.0, Full)));
        Assert.Equal("Sound cue \"tick\" (t.wav) is shorter than one frame.", error.Message);
    }
}
