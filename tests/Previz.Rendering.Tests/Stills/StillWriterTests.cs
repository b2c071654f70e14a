using System.Numerics;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Previz.Rendering.Tests.TestScenes;

namespace Previz.Rendering.Tests.Stills;

public sealed class StillWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("previz-still-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_still_is_a_png_of_the_shot_at_a_time_within_it()
    {
        var scene = Scene([Box("box", Vector3.Zero, new Vector3(1.5f), "#e04040")], aspect: "9:16", duration: 2);
        var output = Path.Combine(_folder, "sub", "still.png");

        await DirectRenderer.RenderStillAsync(scene, scene.Shots[0], 1.0, RenderPass.Shaded, ResolutionPreset.OneK, output, cancellationToken: CancellationToken.None);

        using var image = await Image.LoadAsync<Rgba32>(output, CancellationToken.None);
        Assert.Equal((720, 1280), (image.Width, image.Height));
        var expected = new FrameRenderer(scene).Render(scene.Shots[0], 1.0, RenderPass.Shaded, new FrameSize(720, 1280));
        var centre = image[360, 640];
        Assert.Equal(expected.GetPixel(360, 640), (centre.R, centre.G, centre.B));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    [Fact]
    public async Task A_time_outside_the_shot_is_rejected()
    {
        var scene = Scene([], duration: 2);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            DirectRenderer.RenderStillAsync(scene, scene.Shots[0], 3.0, RenderPass.Shaded, ResolutionPreset.OneK, Path.Combine(_folder, "x.png"), cancellationToken: CancellationToken.None));
    }
}
