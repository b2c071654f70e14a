using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Geometry;
using Previz.Core.Scenes;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Previz.Providers.Tests.Generation;

/// <summary>
/// A small scene built in code, in its own temporary folder: a camera trucking right over a 4 s, 16:9, 24 fps shot,
/// two hero objects with reference pictures (2 and 3 views) and a prop with one, plus a hero whose picture is missing.
/// </summary>
internal sealed class GenerationScenes : IDisposable
{
    public GenerationScenes()
    {
        Folder = Directory.CreateTempSubdirectory("previz-gen-").FullName;
        Directory.CreateDirectory(Path.Combine(Folder, "refs"));
        foreach (var (name, colour) in new[] { ("robot-front", "#ff0000"), ("robot-side", "#00ff00"), ("car-front", "#0000ff"), ("car-side", "#ffff00"), ("car-back", "#00ffff"), ("cone", "#ff8800") })
        {
            using var image = new Image<Rgb24>(64, 48, Color.ParseHex(colour).ToPixel<Rgb24>());
            image.SaveAsPng(Path.Combine(Folder, "refs", name + ".png"));
        }

        Scene = new SceneDocument
        {
            Name = "Test lot",
            Description = "An empty car park at dusk.",
            Objects =
            [
                Box("cone", new Vector3(2, 0, 0)) with { Name = "traffic cone", References = [new ImageReference("refs/cone.png", "front")] },
                Box("robot", new Vector3(-1, 0, 0)) with
                {
                    Name = "robot",
                    Hero = true,
                    References = [new ImageReference("refs/robot-front.png", "front"), new ImageReference("refs/robot-side.png", "side")],
                },
                Box("ghost", new Vector3(0, 3, 0)) with { Name = "ghost", Hero = true, References = [new ImageReference("refs/missing.png", "front")] },
                Box("car", new Vector3(1, 0, 0)) with
                {
                    Name = "red car",
                    Hero = true,
                    References =
                    [
                        new ImageReference("refs/car-front.png", "front"), new ImageReference("refs/car-side.png", "side"), new ImageReference("refs/car-back.png", "back"),
                    ],
                },
            ],
            Cameras =
            [
                new SceneCamera
                {
                    Id = "cam",
                    Transform = new Transform(new Vector3(0, 1, 10), Quaternion.Identity, Vector3.One),
                    Lens = new Lens { FocalLengthMm = 35 },
                    Animation = CameraAnimation.None with
                    {
                        Transform = TransformAnimation.None with
                        {
                            Position = new Vector3Track([new(0, new Vector3(0, 1, 10)), new(4, new Vector3(3, 1, 10))]),
                        },
                    },
                },
            ],
            Shots = [new Shot { Id = "main", CameraId = "cam", Duration = 4, Fps = 24, Aspect = AspectRatio.Landscape16x9 }],
        };
    }

    public string Folder { get; }

    public SceneDocument Scene { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static SceneObject Box(string id, Vector3 position) => new()
    {
        Id = id,
        Shape = ShapeKind.Box,
        Size = Vector3.One,
        Transform = new Transform(position, Quaternion.Identity, Vector3.One),
        Color = ColorRgb.FromHex("#888888"),
    };
}
