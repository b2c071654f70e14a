using Previz.Core.Modes;
using Previz.Core.Options;

namespace Previz.Core.Tests.Modes;

public class VisualizerModeTests
{
    [Fact]
    public void Start_frame_is_the_default_video_mode()
    {
        Assert.Equal(VisualizerMode.StartFrame, VisualizerModes.Default);
        Assert.True(VisualizerModes.Default.IsVideo());
    }

    [Theory]
    [InlineData(VisualizerMode.Image, ModeInputs.None)]
    [InlineData(VisualizerMode.StartFrame, ModeInputs.StartFrame)]
    [InlineData(VisualizerMode.StartEnd, ModeInputs.StartFrame | ModeInputs.EndFrame)]
    [InlineData(VisualizerMode.FromAnimation, ModeInputs.None)]
    public void Each_mode_requires_the_pictures_it_needs(VisualizerMode mode, ModeInputs inputs) =>
        Assert.Equal(inputs, mode.RequiredInputs());

    [Fact]
    public void Mode_ids_round_trip()
    {
        foreach (var mode in VisualizerModes.All)
        {
            Assert.Equal(mode, VisualizerModes.Parse(mode.Id().ToUpperInvariant()));
        }
    }

    [Fact]
    public void An_unknown_mode_is_refused_with_the_mode_ids()
    {
        var ex = Assert.Throws<UnsupportedOptionException>(() => VisualizerModes.Parse("first-last"));
        Assert.Contains("\"first-last\"", ex.Message, StringComparison.Ordinal);
        foreach (var mode in VisualizerModes.All)
        {
            Assert.Contains(mode.Id(), ex.Message, StringComparison.Ordinal);
        }
    }
}
