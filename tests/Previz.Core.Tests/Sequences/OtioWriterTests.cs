using Previz.Core.Sequences.Timelines;

namespace Previz.Core.Tests.Sequences;

public sealed class OtioWriterTests
{
    public static TheoryData<string> Rates() => SampleCuts.Rates();

    [Theory]
    [MemberData(nameof(Rates))]
    public void Shots_and_holds_lie_end_to_end_on_one_video_track_frame_exact(string rate)
    {
        var cut = SampleCuts.Build(rate);
        var text = OtioWriter.Write(cut);
        Xmllint.Keep($"sample-{rate.Replace('/', '_')}.otio", text);
        var timeline = OtioReader.Read(text, cut.Rate.PerSecond);

        Assert.Equal(cut.Name, timeline.Name);
        Assert.Equal(ExpectedCut.OneHour(cut), timeline.GlobalStart);
        var video = Assert.Single(timeline.Tracks, t => t.Kind == "Video");
        Assert.Equal("V1", video.Name);
        Assert.Same(video, timeline.Tracks[0]);
        Assert.All(video.Items, i => Assert.Equal("Clip", i.Schema));
        var expected = ExpectedCut.Pictures(cut);
        Assert.Equal(
            expected.Select(p => (p.Name, p.RecordStart, p.SourceStart, p.Frames, p.MediaPath)),
            video.Items.Select(i => (i.Name, i.RecordStart, i.SourceStart, i.Duration, i.TargetUrl!)));
        Assert.Equal(expected.Select(p => p.Hold ? "FreezeFrame.1" : null), video.Items.Select(i => i.Effects.SingleOrDefault()));
        Assert.Equal(cut.TotalFrames, video.Items.Sum(i => i.Duration));
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Sound_cues_are_clips_on_audio_tracks_with_a_marker_each_on_the_timeline(string rate)
    {
        var cut = SampleCuts.Build(rate);
        var timeline = OtioReader.Read(OtioWriter.Write(cut), cut.Rate.PerSecond);

        var audio = timeline.Tracks.Where(t => t.Kind == "Audio").ToList();
        Assert.Equal(["A1", "A2"], audio.Select(t => t.Name));
        var clips = audio.SelectMany(t => t.Items.Where(i => i.Schema == "Clip")).OrderBy(i => i.RecordStart).ToList();
        Assert.Equal(
            cut.Cues.Select(c => (c.Name, (long)c.RecordStart, 0L, (long)c.Frames, c.MediaPath)),
            clips.Select(i => (i.Name, i.RecordStart, i.SourceStart, i.Duration, i.TargetUrl!)));
        Assert.Equal(cut.Cues.Select(c => c.GainDb), clips.Select(i => i.Metadata.GetProperty("previz").GetProperty("gain_db").GetDouble()));
        Assert.All(audio, t => Assert.True(t.Items.Sum(i => i.Duration) <= cut.TotalFrames));

        Assert.Equal(
            cut.Cues.Select(c => (c.Name, (long)c.RecordStart, (long)c.Frames)),
            timeline.Markers.Select(m => (m.Name, m.Start, m.Duration)));
    }

    [Fact]
    public void At_24_fps_the_frames_are_the_ones_a_person_counts()
    {
        var cut = SampleCuts.Build("24");
        var timeline = OtioReader.Read(OtioWriter.Write(cut), 24);

        // 2 s, 1.5 s (a take of 36 − 12 = 24 frames, held 12) and 2.5 s at 24 fps; music from 0 cut at 6 s, the door
        // slam at 2.25 s for 0.5 s.
        Assert.Equal(
            [("Opening", 0L, 0L, 48L), ("Chase", 48, 0, 24), ("Chase (hold)", 72, 23, 12), ("Reveal & end", 84, 0, 60)],
            timeline.Tracks[0].Items.Select(i => (i.Name, i.RecordStart, i.SourceStart, i.Duration)));
        Assert.Equal([("Theme", 0L, 144L), ("Door slam", 54, 12)], timeline.Markers.Select(m => (m.Name, m.Start, m.Duration)));
        Assert.Equal([("Gap", 0L, 54L), ("Clip", 54, 12)], timeline.Tracks[2].Items.Select(i => (i.Schema, i.RecordStart, i.Duration)));
    }

    [Fact]
    public void A_cut_without_cues_or_holds_has_one_video_track_and_no_markers()
    {
        var shots = new[] { SampleCuts.Shot("a", "A", 1.0, 30), SampleCuts.Shot("b", "B", 1.0, 30) };
        var take = new Previz.Core.Sequences.SequenceTake("a.mp4", "a", 90, false);
        var cut = Previz.Core.Sequences.SequenceCutBuilder.Build("plain", shots, new Dictionary<string, Previz.Core.Sequences.SequenceTake> { ["a"] = take, ["b"] = take }, [], 640, 360);
        var timeline = OtioReader.Read(OtioWriter.Write(cut), 30);

        var video = Assert.Single(timeline.Tracks);
        Assert.Equal([("A", 0L, 30L), ("B", 30, 30)], video.Items.Select(i => (i.Name, i.RecordStart, i.Duration)));
        Assert.All(video.Items, i => Assert.Empty(i.Effects));
        Assert.Empty(timeline.Markers);
        Assert.All(EdlParser.Parse(EdlWriter.Write(cut), 30).Events, e => Assert.Equal("V", e.Channel));
        Assert.Empty(FcpxmlReader.Read(FcpxmlWriter.Write(cut), cut.Rate).Connected);
    }

    [Fact]
    public void Rates_are_written_as_opentimelineio_stores_them()
    {
        var json = OtioWriter.Write(SampleCuts.Build("24000/1001"));
        Assert.Contains("\"rate\": 23.976023976023978", json, StringComparison.Ordinal);
        Assert.Contains("\"value\": 86400.0", json, StringComparison.Ordinal);
        Assert.Contains("\"rate\": 24.0", OtioWriter.Write(SampleCuts.Build("24")), StringComparison.Ordinal);
    }
}
