using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

public class FrameRateTests
{
    [Theory]
    [InlineData(24, 24, 1)]
    [InlineData(23.976, 24000, 1001)]
    [InlineData(29.97, 30000, 1001)]
    [InlineData(59.94, 60000, 1001)]
    [InlineData(12.5, 25, 2)]
    [InlineData(25, 25, 1)]
    public void Rates_become_the_fractions_ffmpeg_expects(double fps, int numerator, int denominator)
    {
        Assert.Equal(new FrameRate(numerator, denominator), FrameRate.FromFps(fps));
    }

    [Fact]
    public void Nonsense_rates_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameRate.FromFps(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FrameRate.FromFps(double.NaN));
    }
}
