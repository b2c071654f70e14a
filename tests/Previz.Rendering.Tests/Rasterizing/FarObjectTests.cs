using System.Numerics;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using static Previz.Rendering.Tests.TestScenes;

namespace Previz.Rendering.Tests.Rasterizing;

public sealed class FarObjectTests
{
    [Fact]
    public async Task An_object_absurdly_far_away_does_not_stall_the_ground_grid()
    {
        // A damaged file's vertex at 1e30: the grid once asked for lines out to it, in steps float could not take.
        var scene = Scene([Box("near", Vector3.Zero, Vector3.One, "#ff0000"), Box("far", new Vector3(1e30f, 0, 0), Vector3.One, "#00ff00")]);

        var frame = await Task.Run(() => new FrameRenderer(scene).Render(scene.Shots[0], 0, RenderPass.Shaded, new FrameSize(320, 180))).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(320, frame.Width);
    }
}
