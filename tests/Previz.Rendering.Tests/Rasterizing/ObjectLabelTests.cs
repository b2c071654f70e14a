using Previz.Core.Loading;
using Previz.Core.Scenes;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;

namespace Previz.Rendering.Tests.Rasterizing;

/// <summary>The label pass motion adherence reads: which objects move in a shot, and which of them each pixel shows.</summary>
public sealed class ObjectLabelTests
{
    [Fact]
    public void The_turntable_and_what_stands_on_it_move_and_the_floor_and_backdrop_do_not()
    {
        var scene = Turntable();
        var renderer = new FrameRenderer(scene);
        var shot = scene.Shots[0];

        var moving = renderer.MovingObjects([shot.Start, shot.Start + 0.5, shot.Start + 1]);

        var names = scene.Objects.Where((_, i) => moving[i]).Select(o => o.Id).ToList();
        Assert.Equal(["turntable", "bottle", "cap"], names);
    }

    [Fact]
    public void Labels_mark_the_pixels_of_each_labelled_object_and_leave_the_rest_0()
    {
        var scene = Turntable();
        var renderer = new FrameRenderer(scene);
        var shot = scene.Shots[0];
        var size = new FrameSize(90, 160);
        var labelOf = new byte[scene.Objects.Count];
        labelOf[scene.Objects.ToList().FindIndex(o => o.Id == "bottle")] = 7;
        var labels = new byte[size.PixelCount];

        renderer.RenderLabels(shot, shot.Start, labelOf, labels, size);

        // The camera aims at the bottle: the centre shows it, the top corner the backdrop (unlabelled).
        Assert.Equal(7, labels[(size.Height / 2 * size.Width) + (size.Width / 2)]);
        Assert.Equal(0, labels[0]);
        Assert.All(labels, l => Assert.True(l is 0 or 7));
        // The bottle covers a good part of the picture, not all of it.
        var share = labels.Count(l => l == 7) / (double)labels.Length;
        Assert.InRange(share, 0.03, 0.5);
    }

    private static SceneDocument Turntable()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Previz.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Previz.slnx not found above the test folder"), "samples", "product-turntable.previz.json");
        return SceneReader.Read(File.ReadAllText(path)).Scene;
    }
}
