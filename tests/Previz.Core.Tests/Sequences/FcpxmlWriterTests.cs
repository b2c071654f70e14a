using Previz.Core.Sequences.Timelines;

namespace Previz.Core.Tests.Sequences;

public sealed class FcpxmlWriterTests
{
    private static readonly string Dtd = Path.Combine(AppContext.BaseDirectory, "Sequences", "Fixtures", "FCPXMLv1_10-subset.dtd");

    public static TheoryData<string> Rates() => SampleCuts.Rates();

    [Theory]
    [MemberData(nameof(Rates))]
    public void The_export_is_well_formed_and_valid_against_the_fcpxml_1_10_dtd(string rate)
    {
        var path = Xmllint.Keep($"sample-{rate.Replace('/', '_')}.fcpxml", FcpxmlWriter.Write(SampleCuts.Build(rate)));

        var wellFormed = Xmllint.Run("--noout", path);
        Assert.True(wellFormed.ExitCode == 0, wellFormed.Errors);
        var valid = Xmllint.Run("--noout", "--nonet", "--dtdvalid", Dtd, path);
        Assert.True(valid.ExitCode == 0, valid.Errors);
        Assert.Equal("", valid.Errors);
    }

    [Fact]
    public void The_dtd_check_catches_what_fcpxml_does_not_allow()
    {
        var text = FcpxmlWriter.Write(SampleCuts.Build("24")).Replace("<marker ", "<marker bogus=\"1\" ", StringComparison.Ordinal);
        var path = Xmllint.Keep("broken.fcpxml", text);
        Assert.NotEqual(0, Xmllint.Run("--noout", "--nonet", "--dtdvalid", Dtd, path).ExitCode);
    }

    [Theory]
    [InlineData("24", "1/24s")]
    [InlineData("25", "1/25s")]
    [InlineData("30000/1001", "1001/30000s")]
    [InlineData("24000/1001", "1001/24000s")]
    public void Shots_and_holds_fill_the_spine_frame_exact_from_01_00_00_00(string rate, string frameDuration)
    {
        var cut = SampleCuts.Build(rate);
        var sequence = FcpxmlReader.Read(FcpxmlWriter.Write(cut), cut.Rate);

        Assert.Equal("1.10", sequence.Version);
        Assert.Equal(frameDuration, sequence.FrameDuration);
        Assert.Equal(ExpectedCut.OneHour(cut), sequence.TcStart);
        Assert.Equal("NDF", sequence.TcFormat);
        Assert.Equal(cut.TotalFrames, sequence.Duration);
        var expected = ExpectedCut.Pictures(cut);
        Assert.Equal(
            expected.Select(p => (p.Name, p.RecordStart, p.SourceStart, p.Frames, Url(p.MediaPath))),
            sequence.Spine.Select(c => (c.Name, c.Record, c.Start, c.Duration, c.Src)));
        Assert.All(sequence.Spine, c => Assert.Equal(0, c.Lane));
        Assert.Equal(cut.TotalFrames, sequence.Spine.Sum(c => c.Duration));

        foreach (var (picture, clip) in expected.Zip(sequence.Spine))
        {
            // A hold maps its whole time onto the take's last frame; a played clip has no time map.
            Assert.Equal(
                picture.Hold ? [(picture.SourceStart, picture.SourceStart), (picture.SourceStart + picture.Frames, picture.SourceStart)] : [],
                clip.TimeMap);
        }
    }

    [Theory]
    [MemberData(nameof(Rates))]
    public void Sound_cues_are_connected_audio_clips_below_the_spine_with_their_gain_and_a_marker(string rate)
    {
        var cut = SampleCuts.Build(rate);
        var sequence = FcpxmlReader.Read(FcpxmlWriter.Write(cut), cut.Rate);

        Assert.Equal(
            [("Theme", 0L, (long)cut.Cues[0].Frames, "audio/theme.wav", -1, "-6dB"), ("Door slam", cut.Cues[1].RecordStart, cut.Cues[1].Frames, "audio/door%20slam.wav", -2, "3dB")],
            sequence.Connected.Select(c => (c.Name, c.Record, c.Duration, c.Src, c.Lane, c.Volume)));
        Assert.Equal(cut.Cues.Select(c => (c.Name, (long)c.RecordStart, 1L)), sequence.Markers.Select(m => (m.Value, m.Record, m.Duration)));
    }

    [Fact]
    public void A_cue_that_starts_during_a_hold_is_anchored_to_the_hold_at_its_record_frame()
    {
        var shots = new[] { SampleCuts.Shot("a", "A", 2.0, 25) };
        var takes = new Dictionary<string, Previz.Core.Sequences.SequenceTake> { ["a"] = new("a.mp4", "a", 20, false) };
        var cut = Previz.Core.Sequences.SequenceCutBuilder.Build("hold", shots, takes, [new("hit", "hit.wav", 1.2, 0.2, 0)], 640, 360);
        var text = FcpxmlWriter.Write(cut);
        var sequence = FcpxmlReader.Read(text, cut.Rate);

        Assert.Equal([("A", 0L, 20L), ("A (hold)", 20, 30)], sequence.Spine.Select(c => (c.Name, c.Record, c.Duration)));
        Assert.Equal(("hit", 30L, 5L, "0dB"), sequence.Connected.Select(c => (c.Name, c.Record, c.Duration, c.Volume)).Single());
        Assert.Equal(("hit", 30L), sequence.Markers.Select(m => (m.Value, m.Record)).Single());
        var path = Xmllint.Keep("hold-cue.fcpxml", text);
        var valid = Xmllint.Run("--noout", "--nonet", "--dtdvalid", Dtd, path);
        Assert.True(valid.ExitCode == 0, valid.Errors);
    }

    [Fact]
    public void Names_with_markup_characters_come_back_as_written()
    {
        var text = FcpxmlWriter.Write(SampleCuts.Build("25"));
        Assert.Contains("<project name=\"Stadium &lt;night&gt;\">", text, StringComparison.Ordinal);
        Assert.Contains("Reveal & end", FcpxmlReader.Read(text, new(25, 1)).Spine.Select(c => c.Name));
    }

    [Fact]
    public void Times_are_reduced_rationals_of_whole_frames()
    {
        Assert.Equal("1001/24000s", FcpxmlWriter.Time(1, new(24000, 1001)));
        Assert.Equal("1001/1000s", FcpxmlWriter.Time(24, new(24000, 1001)));
        Assert.Equal("18018/5s", FcpxmlWriter.Time(86400, new(24000, 1001)));
        Assert.Equal("3600s", FcpxmlWriter.Time(86400, new(24, 1)));
        Assert.Equal("0s", FcpxmlWriter.Time(0, new(25, 1)));
        Assert.Equal("takes/s2%20take%202.mp4", FcpxmlWriter.RelativeUrl("takes/s2 take 2.mp4"));
    }

    private static string Url(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
