using Previz.Core.Scenes;
using Previz.Core.Sequences;

namespace Previz.Core.Tests.Sequences;

public sealed class FrameRateTests
{
    [Theory]
    [InlineData(24.0, 24, 1, 24)]
    [InlineData(25.0, 25, 1, 25)]
    [InlineData(30.0, 30, 1, 30)]
    [InlineData(60.0, 60, 1, 60)]
    public void Whole_rates_stay_whole(double fps, int numerator, int denominator, int timecodeBase)
    {
        var rate = FrameRate.FromFps(fps);
        Assert.Equal(new FrameRate(numerator, denominator), rate);
        Assert.Equal(timecodeBase, rate.TimecodeBase);
        Assert.False(rate.IsNtsc);
        Assert.Equal(numerator.ToString(System.Globalization.CultureInfo.InvariantCulture), rate.ToString());
    }

    [Theory]
    [InlineData(23.976, 24000, 24)]
    [InlineData(23.976023976, 24000, 24)]
    [InlineData(29.97, 30000, 30)]
    [InlineData(47.952, 48000, 48)]
    [InlineData(59.94, 60000, 60)]
    public void Ntsc_rates_become_their_exact_ratio_over_1001(double fps, int numerator, int timecodeBase)
    {
        var rate = FrameRate.FromFps(fps);
        Assert.Equal(new FrameRate(numerator, 1001), rate);
        Assert.True(rate.IsNtsc);
        Assert.Equal(timecodeBase, rate.TimecodeBase);
        Assert.Equal($"{numerator}/1001", rate.ToString());
    }

    [Fact]
    public void Frames_and_seconds_are_exact_at_ntsc_rates()
    {
        var rate = FrameRate.FromFps(23.976);
        Assert.Equal(24, rate.Frames(1.001));
        Assert.Equal(1.001, rate.Seconds(24), 12);
        Assert.Equal(86400, rate.Frames(rate.Seconds(86400)));
        Assert.Equal(5, new FrameRate(25, 1).Frames(0.2));
    }

    [Theory]
    [InlineData(12.5, 25, 2)]
    [InlineData(25.5, 51, 2)]
    [InlineData(7.5, 15, 2)]
    public void Other_rates_become_the_closest_small_ratio_which_editor_timelines_cannot_carry(double fps, int numerator, int denominator)
    {
        var rate = FrameRate.FromFps(fps);
        Assert.Equal(new FrameRate(numerator, denominator), rate);
        Assert.Equal(fps, rate.PerSecond, 9);
        Assert.False(rate.IsEditorRate);
        Assert.True(FrameRate.FromFps(24).IsEditorRate);
        Assert.True(FrameRate.FromFps(29.97).IsEditorRate);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-24.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1001.0)]
    public void Zero_negative_and_absurd_rates_are_refused(double fps)
    {
        var error = Assert.Throws<UserErrorException>(() => FrameRate.FromFps(fps));
        Assert.StartsWith("A frame rate must be above 0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0000001)]
    [InlineData(0.0005)]
    public void A_rate_so_small_it_rounds_to_zero_frames_a_second_is_refused(double fps)
    {
        Assert.Throws<UserErrorException>(() => FrameRate.FromFps(fps));
    }
}
