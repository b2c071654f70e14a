using Previz.Core.Scenes;
using Previz.Core.Sequences;
using Previz.Core.Sequences.Timelines;

namespace Previz.Core.Tests.Sequences;

public sealed class TimecodeTests
{
    [Theory]
    [InlineData(0, 24, "00:00:00:00")]
    [InlineData(23, 24, "00:00:00:23")]
    [InlineData(86400, 24, "01:00:00:00")]
    [InlineData(86399, 24, "00:59:59:23")]
    [InlineData(90000 + 1499, 25, "01:00:59:24")]
    [InlineData(108000 + 1800 + 29, 30, "01:01:00:29")]
    public void Frames_are_written_as_non_drop_timecode(long frames, int timecodeBase, string expected)
    {
        Assert.Equal(expected, Timecode.NonDrop(frames, timecodeBase));
    }

    [Fact]
    public void Ntsc_rates_count_their_whole_timecode_base()
    {
        Assert.Equal(86400, Timecode.RecordStartFrames(new FrameRate(24000, 1001)));
        Assert.Equal(108000, Timecode.RecordStartFrames(new FrameRate(30000, 1001)));
        Assert.Equal(90000, Timecode.RecordStartFrames(new FrameRate(25, 1)));
    }

    [Fact]
    public void Negative_frames_and_a_day_or_more_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.NonDrop(-1, 24));
        Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.NonDrop(24L * 86400, 24));
    }
}
