using System.Globalization;
using System.Numerics;
using Previz.Core.Sampling;
using Previz.Core.Scenes;
using Previz.Import.Tests.Support;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace Previz.Import.Tests;

/// <summary>
/// Fixtures/Blender/make_fixture.py built a scene in Blender 3.4 (animated camera, animated objects, an animated
/// empty carrying a child, a child of a mesh), exported it twice (animated_scene.glb sampled per frame,
/// curves_scene.glb with CUBICSPLINE and STEP keys) and rendered Workbench frames with flat,
/// distinct colours on black. Previz imports the GLB and renders the same frames: every object must land where
/// Blender drew it (centroid within 3 px) with the same outline (IoU ≥ 0.9) at 1280×720.
/// </summary>
public sealed class BlenderAgreementTests(ITestOutputHelper output)
{
    private const int Width = 1280;
    private const int Height = 720;
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Blender");

    /// <summary>
    /// Both exports of the one Blender scene: sampled once per frame (LINEAR), and the F-curves as keyed (CUBICSPLINE
    /// from Bezier keys, STEP from the cone's constant scale keys), at Blender frames 1, 13, 30 and 48.
    /// </summary>
    public static TheoryData<string, int> Frames()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in new[] { "animated_scene.glb", "curves_scene.glb" })
        {
            foreach (var frame in new[] { 1, 13, 30, 48 })
            {
                data.Add(file, frame);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public async Task Every_object_sits_where_Blender_drew_it(string file, int frame)
    {
        var import = await GltfImporter.LoadAsync(Path.Combine(Folder, file));
        var scene = import.Scene;
        var shot = Assert.Single(scene.Shots);
        Assert.Equal("ShotCam", shot.CameraId);
        Assert.Equal(48, shot.FrameCount);

        // Blender frame F at 24 fps is glTF time F / 24; the shot's first frame is Blender's frame 1.
        var time = frame / 24.0;
        Assert.Equal(time, shot.FrameTime(frame - 1), 9);
        var sampler = new PoseSampler(scene);
        var pose = sampler.SampleObjects(time);
        var ids = IdRasterizer.Render(pose, sampler.Camera(shot, time), Width, Height);
        var reference = Segment(Path.Combine(Folder, $"frame_{frame:0000}.png"), pose.Objects.Select(o => o.Subject).ToList());

        var drawn = pose.Objects.Where(o => o.Subject.Mesh!.TriangleCount > 0).ToList();
        Assert.Equal(["Crate", "Ball", "Cone", "Pillar", "Cap"], drawn.Select(o => o.Subject.Id).Order().ToList().OrderBy(Order));
        foreach (var obj in drawn)
        {
            var index = IndexOf(pose, obj.Subject.Id);
            var ours = ids.Select(id => id == index).ToArray();
            var theirs = reference.Select(id => id == index).ToArray();
            var (error, iou, oursCount, theirsCount) = Silhouette.Compare(ours, theirs, Width);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file} frame {frame} {obj.Subject.Id,-7} centroid error {error:0.00} px  IoU {iou:0.000}  pixels previz {oursCount} blender {theirsCount}"));
            Assert.True(theirsCount > 500, $"{obj.Subject.Id} is hardly visible in Blender's frame {frame}: the fixture is wrong");
            Assert.True(error <= 3, $"frame {frame}: {obj.Subject.Id} centroid is {error:0.00} px from Blender's");
            Assert.True(iou >= 0.9, $"frame {frame}: {obj.Subject.Id} silhouette IoU {iou:0.000} < 0.9");
        }
    }

    /// <summary>
    /// The same check through Previz's own renderer (the shaded pass of Direct Render), on a black world with strong
    /// ambient light so each object's hue identifies it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Frames))]
    public async Task Previz_shaded_frames_put_every_object_where_Blender_drew_it(string file, int frame)
    {
        var import = await GltfImporter.LoadAsync(Path.Combine(Folder, file));
        var black = new ColorRgb(0, 0, 0);
        var scene = import.Scene with
        {
            Environment = new SceneEnvironment { SkyColor = black, HorizonColor = black, GroundColor = black, FogDensity = 0, SunIntensity = 0, Ambient = 1.25f },
        };
        var shot = scene.Shots[0];
        var time = shot.FrameTime(frame - 1); // = frame / 24
        var size = FrameSize.For(shot.Aspect, ResolutionPreset.OneK);
        Assert.Equal((Width, Height), (size.Width, size.Height));
        var rendered = new FrameRenderer(scene).Render(shot, time, RenderPass.Shaded, size);
        var objects = scene.Objects;
        var reference = Segment(Path.Combine(Folder, $"frame_{frame:0000}.png"), objects);
        var ours = new int[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (r, g, b) = rendered.GetPixel(x, y);
                ours[(y * Width) + x] = ByHue(new Vector3(r, g, b) / 255f, objects);
            }
        }

        foreach (var (obj, index) in objects.Select((o, i) => (o, i)).Where(p => p.o.Mesh!.TriangleCount > 0))
        {
            var (error, iou, oursCount, theirsCount) = Silhouette.Compare(
                ours.Select(id => id == index).ToArray(), reference.Select(id => id == index).ToArray(), Width);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file} shaded frame {frame} {obj.Id,-7} centroid error {error:0.00} px  IoU {iou:0.000}  pixels previz {oursCount} blender {theirsCount}"));
            Assert.True(error <= 3, $"frame {frame}: {obj.Id} centroid is {error:0.00} px from Blender's");
            Assert.True(iou >= 0.9, $"frame {frame}: {obj.Id} silhouette IoU {iou:0.000} < 0.9");
        }
    }

    [Fact]
    public void The_import_names_objects_after_Blender_and_keeps_its_colours()
    {
        var scene = GltfImporter.Load(Path.Combine(Folder, "animated_scene.glb")).Scene;

        Assert.Equal("#ff0000", scene.FindObject("Crate")!.Color.ToHex());
        // Blender's linear base colour (0, 0.2, 1) is what its frame shows: sRGB #007cff.
        Assert.Equal("#007cff", scene.FindObject("Cone")!.Color.ToHex());
        using var frame = Image.Load<Rgb24>(Path.Combine(Folder, "frame_0030.png"));
        Assert.Equal(new Rgb24(0, 0x7c, 0xff), frame[480, 330]); // a pixel inside the cone
        Assert.Equal("Rig", scene.FindObject("Ball")!.ParentId);
        Assert.Equal("Pillar", scene.FindObject("Cap")!.ParentId);
        Assert.Equal(0, scene.FindObject("Rig")!.Mesh!.TriangleCount);
    }

    private static int Order(string id) => Array.IndexOf(["Crate", "Ball", "Cone", "Pillar", "Cap"], id);

    private static int IndexOf(ScenePose pose, string id)
    {
        for (var i = 0; i < pose.Objects.Count; i++)
        {
            if (pose.Objects[i].Subject.Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A shaded pixel's object: the one whose colour points the same way in RGB, or −1 for the dark world.</summary>
    private static int ByHue(Vector3 pixel, IReadOnlyList<SceneObject> objects)
    {
        if (pixel.X + pixel.Y + pixel.Z < 0.25f)
        {
            return -1;
        }

        var direction = Vector3.Normalize(pixel);
        var best = -1;
        var bestCos = 0.9f;
        for (var i = 0; i < objects.Count; i++)
        {
            if (objects[i].Mesh!.TriangleCount == 0)
            {
                continue;
            }

            var c = objects[i].Color;
            var cos = Vector3.Dot(direction, Vector3.Normalize(new Vector3(c.R, c.G, c.B)));
            if (cos > bestCos)
            {
                bestCos = cos;
                best = i;
            }
        }

        return best;
    }

    /// <summary>Each pixel's object: the one whose (sRGB) colour is nearest, or −1 for the black world.</summary>
    private static int[] Segment(string png, IReadOnlyList<SceneObject> objects)
    {
        using var image = Image.Load<Rgb24>(png);
        Assert.Equal((Width, Height), (image.Width, image.Height));
        var colours = objects.Select(o => o.Mesh!.TriangleCount > 0 ? o.Color : new ColorRgb(-9, -9, -9)).ToList();
        var ids = new int[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var p = image[x, y];
                var best = -1;
                var bestDistance = 0.15f * 0.15f * 3; // black unless close to an object's colour
                var (r, g, b) = (p.R / 255f, p.G / 255f, p.B / 255f);
                if (r + g + b < 0.1f)
                {
                    ids[(y * Width) + x] = -1;
                    continue;
                }

                for (var i = 0; i < colours.Count; i++)
                {
                    var c = colours[i];
                    var d = ((c.R - r) * (c.R - r)) + ((c.G - g) * (c.G - g)) + ((c.B - b) * (c.B - b));
                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        best = i;
                    }
                }

                ids[(y * Width) + x] = best;
            }
        }

        return ids;
    }
}
