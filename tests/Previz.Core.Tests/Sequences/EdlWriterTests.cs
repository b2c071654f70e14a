using Previz.Core.Scenes;
using Previz.Core.Sequences;
using Previz.Core.Sequences.Timelines;

namespace Previz.Core.Tests.Sequences;

public sealed class EdlWriterTests
{
    public static TheoryData<string> Rates() => SampleCuts.Rates();

    [Theory]
    [MemberData(nameof(Rates))]
    public void Video_events_cover_the_cut_back_to_back_from_01_00_00_00(string rate)
    {
        var cut = SampleCuts.Build(rate);
        var text = EdlWriter.Write(cut);
        Xmllint.Keep($"sample-{rate.Replace('/', '_')}.edl", text);
        var list = EdlParser.Parse(text, cut.Rate.TimecodeBase);

        Assert.Equal(cut.Name, list.Title);
        Assert.Equal("NON-DROP FRAME", list.Fcm);
        Assert.Equal(Enumerable.Range(1, list.Events.Count), list.Events.Select(e => e.Number));
        Assert.All(list.Events, e => Assert.InRange(e.Reel.Length, 1, 8));
        Assert.All(list.Events, e => Assert.Equal("C", e.Transition));

        var video = list.Events.Where(e => e.Channel == "V").ToList();
        var expected = ExpectedCut.Pictures(cut);
        var hour = ExpectedCut.OneHour(cut);
        Assert.Equal(
            expected.Select(p => (p.Name, p.MediaPath, hour + p.RecordStart, hour + p.RecordStart + p.Frames, p.SourceStart)),
            video.Select(e => (e.Comment("FROM CLIP NAME")!, e.Comment("FROM CLIP")!, e.RecordIn, e.RecordOut, e.SourceIn)));
        Assert.Equal(hour, video[0].RecordIn);
        Assert.All(video.Zip(video.Skip(1)), pair => Assert.Equal(pair.First.RecordOut, pair.Second.RecordIn));
        Assert.Equal(cut.TotalFrames, video[^1].RecordOut - hour);
        Assert.Equal(cut.TotalFrames, video.Sum(e => e.RecordOut - e.RecordIn));

        foreach (var (picture, e) in expected.Zip(video))
        {
            if (picture.Hold)
            {
                // A freeze: one source frame, an M2 line at speed 0 entering on it.
                Assert.Equal(e.SourceIn + 1, e.SourceOut);
                Assert.Equal(0.0, e.MotionSpeed);
                Assert.Equal(e.SourceIn, e.MotionEntry);
            }
            else
            {
                Assert.Equal(e.RecordOut - e.RecordIn, e.SourceOut - e.SourceIn);
                Assert.Null(e.MotionSpeed);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Sound_cues_are_audio_events_with_their_gain_in_a_comment(string rate)
    {
        var cut = SampleCuts.Build(rate);
        var list = EdlParser.Parse(EdlWriter.Write(cut), cut.Rate.TimecodeBase);
        var hour = ExpectedCut.OneHour(cut);

        var audio = list.Events.Where(e => e.Channel.StartsWith('A')).ToList();
        Assert.Equal(
            [("A", "Theme", "audio/theme.wav", hour, hour + cut.Cues[0].Frames, "-6.0 DB"), ("A2", "Door slam", "audio/door slam.wav", hour + cut.Cues[1].RecordStart, hour + cut.Cues[1].RecordEnd, "+3.0 DB")],
            audio.Select(e => (e.Channel, e.Comment("FROM CLIP NAME")!, e.Comment("FROM CLIP")!, e.RecordIn, e.RecordOut, e.Comment("GAIN")!)));
        Assert.All(audio, e => Assert.Equal(e.RecordOut - e.RecordIn, e.SourceOut - e.SourceIn));
        Assert.All(audio, e => Assert.True(e.RecordOut - hour <= cut.TotalFrames));
    }

    [Fact]
    public void At_24_fps_the_events_read_as_an_editor_would_type_them()
    {
        var lines = EdlWriter.Write(SampleCuts.Build("24")).Split('\n');
        Assert.Equal("TITLE: Stadium <night>", lines[0]);
        Assert.Equal("FCM: NON-DROP FRAME", lines[1]);
        Assert.Equal(
            [
                "001  AX       V     C        00:00:00:00 00:00:02:00 01:00:00:00 01:00:02:00",
                "002  AX       V     C        00:00:00:00 00:00:01:00 01:00:02:00 01:00:03:00",
                "003  AX       V     C        00:00:00:23 00:00:01:00 01:00:03:00 01:00:03:12",
                "004  AX       V     C        00:00:00:00 00:00:02:12 01:00:03:12 01:00:06:00",
                "005  AX       A     C        00:00:00:00 00:00:06:00 01:00:00:00 01:00:06:00",
                "006  AX       A2    C        00:00:00:00 00:00:00:12 01:00:02:06 01:00:02:18",
            ],
            lines.Where(l => l.Length > 0 && char.IsAsciiDigit(l[0])));
        Assert.Contains("M2   AX       000.0                00:00:00:23", lines);
    }

    [Fact]
    public void A_cut_needing_more_than_999_events_is_refused_with_what_to_export_instead()
    {
        var shots = Enumerable.Range(0, 1000).Select(i => new Shot { Id = $"s{i}", CameraId = "cam", Duration = 0.5 }).ToList();
        var takes = shots.ToDictionary(s => s.Id, _ => new SequenceTake("t.mp4", "t", 12, false));
        var cut = SequenceCutBuilder.Build("long", shots, takes, [], 640, 360);
        var error = Assert.Throws<SequenceException>(() => EdlWriter.Write(cut));
        Assert.Equal("An EDL holds at most 999 events; \"long\" needs 1000 (its shots, held frames and sound cues). Export OpenTimelineIO or FCPXML instead.", error.Message);
    }
}
