using Previz.Core.Scenes;
using Previz.Rendering.Framing;

namespace Previz.Rendering.Tests.Framing;

public class FrameSizeTests
{
    [Theory]
    [InlineData("16:9", "1k", 1280, 720)]
    [InlineData("16:9", "2k", 1920, 1080)]
    [InlineData("9:16", "1k", 720, 1280)]
    [InlineData("9:16", "2k", 1080, 1920)]
    [InlineData("2.39:1", "1k", 1280, 536)]
    [InlineData("2.39:1", "2k", 1920, 804)]
    [InlineData("4:3", "1k", 1280, 960)]
    [InlineData("1:1", "2k", 1920, 1920)]
    [InlineData("1.85", "1k", 1280, 692)]
    public void The_long_edge_comes_from_the_preset_and_the_short_edge_from_the_aspect(string aspect, string preset, int width, int height)
    {
        Assert.True(AspectRatio.TryParse(aspect, out var ratio));
        Assert.True(ResolutionPresets.TryParse(preset, out var p));

        var size = FrameSize.For(ratio, p.Value);

        Assert.Equal((width, height), (size.Width, size.Height));
    }

    [Fact]
    public void Both_dimensions_are_even_for_any_aspect()
    {
        for (var w = 1.0; w <= 4; w += 0.013)
        {
            foreach (var preset in Enum.GetValues<ResolutionPreset>())
            {
                var landscape = FrameSize.For(new AspectRatio(w, 1), preset);
                var portrait = FrameSize.For(new AspectRatio(1, w), preset);
                Assert.Equal(0, landscape.Width % 2);
                Assert.Equal(0, landscape.Height % 2);
                Assert.Equal(0, portrait.Width % 2);
                Assert.Equal(0, portrait.Height % 2);
                Assert.Equal(preset.LongEdge(), Math.Max(landscape.Width, landscape.Height));
            }
        }
    }

    [Fact]
    public void Preset_names_are_1k_and_2k()
    {
        Assert.True(ResolutionPresets.TryParse("2K", out var two));
        Assert.Equal(ResolutionPreset.TwoK, two);
        Assert.Equal("1k", ResolutionPreset.OneK.ToName());
        Assert.False(ResolutionPresets.TryParse("4k", out _));
    }
}
