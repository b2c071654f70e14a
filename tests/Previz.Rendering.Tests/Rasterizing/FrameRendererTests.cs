using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Geometry;
using Previz.Core.Scenes;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using static Previz.Rendering.Tests.TestScenes;

namespace Previz.Rendering.Tests.Rasterizing;

public class FrameRendererTests
{
    private static readonly FrameSize Size = new(1280, 720);
    private static readonly FrameRendererOptions NoGrid = new() { GroundGrid = false };

    private static (RgbaFrame Frame, FrameRenderer Renderer, Shot Shot) Render(SceneDocument scene, RenderPass pass, FrameRendererOptions? options = null)
    {
        var renderer = new FrameRenderer(scene, options ?? NoGrid);
        var shot = scene.Shots[0];
        return (renderer.Render(shot, shot.Start, pass, Size), renderer, shot);
    }

    private static Vector2 Project(FrameRenderer renderer, Shot shot, Vector3 world) =>
        renderer.Camera(shot, shot.Start).ProjectToPixel(world, Size.Width, Size.Height) ?? throw new InvalidOperationException("behind the camera");

    private static bool IsRed(byte r, byte g, byte b) => r > 90 && r > 2 * g && r > 2 * b;

    private static bool IsLine(byte r, byte g, byte b) => r + g + b > 150;

    [Fact]
    public void An_object_in_view_paints_pixels_around_its_projected_centre()
    {
        var centre = new Vector3(1.5f, 0.8f, 0);
        var scene = Scene([Box("red", centre, new Vector3(0.6f), "#e02020")]);

        var (frame, renderer, shot) = Render(scene, RenderPass.Shaded);

        var expected = Project(renderer, shot, centre);
        var red = frame.Centroid(IsRed);
        Assert.NotNull(red);
        // The box is about 110 pixels across; perspective shifts its visible faces a little off the projected centre.
        Assert.InRange(red.Value.X, expected.X - 12, expected.X + 12);
        Assert.InRange(red.Value.Y, expected.Y - 12, expected.Y + 12);
        Assert.True(IsRed(frame.GetPixel((int)expected.X, (int)expected.Y).R, frame.GetPixel((int)expected.X, (int)expected.Y).G, frame.GetPixel((int)expected.X, (int)expected.Y).B));
        // Right of and above the frame's centre, as +X is right and +Y is up; nothing red in the other quadrants.
        Assert.True(expected.X > Size.Width / 2 && expected.Y < Size.Height / 2);
        Assert.Equal(0, frame.Count(0, 0, Size.Width / 2, Size.Height, IsRed));
        Assert.Equal(0, frame.Count(0, Size.Height / 2, Size.Width, Size.Height, IsRed));
    }

    [Fact]
    public void An_object_behind_the_camera_paints_nothing()
    {
        var scene = Scene([Box("red", new Vector3(0, 0, 14), new Vector3(1f), "#e02020")]);

        var (frame, _, _) = Render(scene, RenderPass.Shaded);

        Assert.Null(frame.Centroid(IsRed));
    }

    [Fact]
    public void A_box_wholly_behind_a_wall_leaves_no_edge_pixels()
    {
        var hidden = Box("hidden", new Vector3(0.3f, 0.2f, -4), new Vector3(1f), "#ff3030");
        var wall = Box("wall", new Vector3(0, 0, 0), new Vector3(5f, 3.5f, 0.2f), "#3050ff");

        var (withoutWall, renderer, shot) = Render(Scene([hidden]), RenderPass.Wireframe);
        var (withWall, _, _) = Render(Scene([hidden, wall]), RenderPass.Wireframe);

        // The region the hidden box covers on screen, with a margin for anti-aliasing.
        var corners = Enumerable.Range(0, 8)
            .Select(i => hidden.Transform.Position + (new Vector3((i & 1) - 0.5f, ((i >> 1) & 1) - 0.5f, ((i >> 2) & 1) - 0.5f) * 1f))
            .Select(c => Project(renderer, shot, c)).ToList();
        int x0 = (int)corners.Min(c => c.X) - 3, x1 = (int)corners.Max(c => c.X) + 3;
        int y0 = (int)corners.Min(c => c.Y) - 3, y1 = (int)corners.Max(c => c.Y) + 3;

        // Without the wall its edges show (so the region is right); behind the wall not one pixel of them does.
        Assert.True(withoutWall.Count(x0, y0, x1, y1, IsLine) > 200);
        Assert.Equal(0, withWall.Count(x0, y0, x1, y1, IsLine));
        // The wall's own outline is still there.
        var wallLeft = Project(renderer, shot, new Vector3(-2.5f, 0, 0.1f));
        Assert.True(withWall.Count((int)wallLeft.X - 2, (int)wallLeft.Y - 20, (int)wallLeft.X + 3, (int)wallLeft.Y + 20, IsLine) > 20);
    }

    [Fact]
    public void A_box_in_front_of_a_wall_keeps_its_edges()
    {
        var front = Box("front", new Vector3(0.3f, 0.2f, 2), new Vector3(1f), "#ff3030");
        var wall = Box("wall", new Vector3(0, 0, 0), new Vector3(5f, 3.5f, 0.2f), "#3050ff");

        var (alone, renderer, shot) = Render(Scene([front]), RenderPass.Wireframe);
        var (withWall, _, _) = Render(Scene([front, wall]), RenderPass.Wireframe);

        var c = Project(renderer, shot, front.Transform.Position);
        var before = alone.Count((int)c.X - 150, (int)c.Y - 150, (int)c.X + 150, (int)c.Y + 150, IsLine);
        var after = withWall.Count((int)c.X - 150, (int)c.Y - 150, (int)c.X + 150, (int)c.Y + 150, IsLine);
        Assert.True(before > 200);
        Assert.InRange(after, before * 0.9, before * 1.1);
    }

    [Fact]
    public void A_flat_quad_shows_its_outline_but_no_diagonal()
    {
        // A 4 m plane turned to face the camera (planes face +Y; tilt it up by 90° about X).
        var quad = Shape("quad", ShapeKind.Plane, Vector3.Zero, new Vector3(4, 0, 3), "#c0c0c0", Euler(90, 0, 0));

        var (frame, renderer, shot) = Render(Scene([quad]), RenderPass.Wireframe);

        var topLeft = Project(renderer, shot, new Vector3(-2, 1.5f, 0));
        var bottomRight = Project(renderer, shot, new Vector3(2, -1.5f, 0));
        const int margin = 4;
        var inside = frame.Count((int)topLeft.X + margin, (int)topLeft.Y + margin, (int)bottomRight.X - margin, (int)bottomRight.Y - margin, IsLine);
        var outline = frame.Count((int)topLeft.X - margin, (int)topLeft.Y - margin, (int)bottomRight.X + margin, (int)bottomRight.Y + margin, IsLine);
        Assert.Equal(0, inside);
        // Four sides of about 710 × 530 pixels, at least one full-strength pixel per step.
        Assert.True(outline > 2 * (700 + 520), $"outline pixels: {outline}");
    }

    [Fact]
    public void A_sphere_shows_its_silhouette_but_not_its_facets()
    {
        var sphere = Shape("ball", ShapeKind.Sphere, Vector3.Zero, new Vector3(3f), "#c0c0c0");

        var (frame, renderer, shot) = Render(Scene([sphere]), RenderPass.Wireframe);

        var c = Project(renderer, shot, Vector3.Zero);
        var rim = Project(renderer, shot, new Vector3(1.5f, 0, 0));
        var radius = rim.X - c.X;
        var inner = (int)(radius * 0.6);
        Assert.Equal(0, frame.Count((int)c.X - inner, (int)c.Y - inner, (int)c.X + inner, (int)c.Y + inner, IsLine));
        // The outline runs around the whole disc: every quadrant has some of it.
        var r = (int)(radius * 1.2);
        Assert.True(frame.Count((int)c.X - r, (int)c.Y - r, (int)c.X, (int)c.Y, IsLine) > 50);
        Assert.True(frame.Count((int)c.X, (int)c.Y, (int)c.X + r, (int)c.Y + r, IsLine) > 50);
    }

    [Fact]
    public void A_sunlit_face_is_brighter_than_a_face_turned_away()
    {
        // A box turned 45° shows the camera two faces, one towards +X and one towards −X; the sun is at +X.
        var box = Box("box", Vector3.Zero, new Vector3(2f), "#b0b0b0", Euler(0, 45, 0));
        var environment = SceneEnvironment.Default with { SunDirection = Vector3.Normalize(new Vector3(1, 0.2f, 0)), SunIntensity = 1, Ambient = 0.25f };

        var (frame, renderer, shot) = Render(Scene([box], environment), RenderPass.Shaded);

        // Turned 45° about +Y, the box's +Z face looks towards (+X, +Z) and its −X face towards (−X, +Z).
        var toward = Project(renderer, shot, Vector3.Transform(new Vector3(0, 0, 1), box.Transform.Rotation));
        var away = Project(renderer, shot, Vector3.Transform(new Vector3(-1, 0, 0), box.Transform.Rotation));
        Assert.True(toward.X > away.X);
        var lit = frame.MeanLuma((int)toward.X, (int)toward.Y, 8);
        var unlit = frame.MeanLuma((int)away.X, (int)away.Y, 8);
        Assert.True(lit > unlit + 60, $"lit {lit}, unlit {unlit}");
    }

    [Fact]
    public void The_sky_is_above_the_horizon_and_the_ground_colour_below()
    {
        var environment = SceneEnvironment.Default with
        {
            SkyColor = ColorRgb.FromHex("#2040ff"),
            HorizonColor = ColorRgb.FromHex("#a0a0ff"),
            GroundColor = ColorRgb.FromHex("#604020"),
        };

        var (frame, _, _) = Render(Scene([], environment), RenderPass.Shaded);

        var (tr, tg, tb) = frame.GetPixel(640, 5);
        var (br, bg, bb) = frame.GetPixel(640, 715);
        Assert.True(tb > tr + 60 && tb > tg, "blue sky at the top");
        Assert.True(br > bb + 30, "brown ground at the bottom");
    }

    [Fact]
    public void A_ground_plane_reaching_behind_the_camera_is_clipped_at_the_near_plane_and_fills_the_lower_frame()
    {
        var ground = Shape("ground", ShapeKind.Plane, new Vector3(0, -1.5f, 0), new Vector3(200, 0, 200), "#20c020");

        var (frame, _, _) = Render(Scene([ground]), RenderPass.Shaded);

        bool green(byte r, byte g, byte b) => g > 100 && g > 2 * r && g > 2 * b;
        // The plane's far edge, 100 m away, lies about 27 pixels below the horizon.
        Assert.Equal(Size.Width * (Size.Height / 2 - 40), frame.Count(0, Size.Height / 2 + 40, Size.Width, Size.Height, green));
        Assert.Equal(0, frame.Count(0, 0, Size.Width, Size.Height / 2 - 2, green));
    }

    [Fact]
    public void Depth_grows_darker_with_distance()
    {
        var positions = new[] { new Vector3(-1.2f, 0, 4), new Vector3(0, 0, -2), new Vector3(2.5f, 0, -15) };
        var scene = Scene(positions.Select((p, i) => Box($"b{i}", p, new Vector3(1f), "#808080")));

        var (frame, renderer, shot) = Render(scene, RenderPass.Depth);

        var greys = positions.Select(p => Project(renderer, shot, p + new Vector3(0, 0, 0.5f))).Select(px => frame.MeanLuma((int)px.X, (int)px.Y, 2)).ToList();
        Assert.True(greys[0] > greys[1] + 20 && greys[1] > greys[2] + 20, string.Join(", ", greys));
        Assert.True(greys[2] > 10, "the farthest surface is still distinguishable from the background");
        Assert.Equal(0, frame.Luma(5, 5));
        var (r, g, b) = frame.GetPixel((int)Project(renderer, shot, positions[0]).X, (int)Project(renderer, shot, positions[0]).Y);
        Assert.True(r == g && g == b, "depth is grey");
    }

    [Fact]
    public void Exponential_fog_pulls_far_surfaces_towards_the_fog_colour()
    {
        var near = Box("near", new Vector3(-1.5f, 0, 5), new Vector3(0.5f), "#000000");
        var far = Box("far", new Vector3(1.5f, 0, -40), new Vector3(4f), "#000000");
        var environment = SceneEnvironment.Default with { FogDensity = 0.03f, FogColor = ColorRgb.FromHex("#ffffff") };

        var (frame, renderer, shot) = Render(Scene([near, far], environment), RenderPass.Shaded);

        var n = Project(renderer, shot, near.Transform.Position);
        var f = Project(renderer, shot, far.Transform.Position);
        Assert.True(frame.MeanLuma((int)f.X, (int)f.Y, 2) > frame.MeanLuma((int)n.X, (int)n.Y, 2) + 80);
    }

    [Theory]
    [InlineData(RenderPass.Wireframe)]
    [InlineData(RenderPass.Shaded)]
    [InlineData(RenderPass.Depth)]
    public void Frames_are_the_same_on_one_thread_as_on_all(RenderPass pass)
    {
        var scene = Scene([
            Box("a", new Vector3(-1, 0, 0), new Vector3(1.2f), "#e02020", Euler(20, 30, 0)),
            Shape("b", ShapeKind.Capsule, new Vector3(1.2f, 0, -1), new Vector3(0.8f, 2, 0.8f), "#20e020"),
            Shape("g", ShapeKind.Plane, new Vector3(0, -1, 0), new Vector3(30, 0, 30), "#808080"),
        ]);

        var (parallel, _, _) = Render(scene, pass, new FrameRendererOptions());
        var (single, _, _) = Render(scene, pass, new FrameRendererOptions { MaxDegreeOfParallelism = 1 });

        Assert.Equal(parallel.Pixels, single.Pixels);
    }

    [Fact]
    public void Every_pixel_is_opaque()
    {
        var (frame, _, _) = Render(Scene([Box("a", Vector3.Zero, Vector3.One, "#ffffff")]), RenderPass.Wireframe);

        Assert.All(Enumerable.Range(0, frame.Width * frame.Height), i => Assert.Equal(255, frame.Pixels[(4 * i) + 3]));
    }

    [Fact]
    public void Depth_of_a_still_object_keeps_its_grey_while_another_comes_closer()
    {
        var still = Box("still", new Vector3(-1.5f, 0, -2), new Vector3(1f), "#808080");
        var mover = Box("mover", new Vector3(1.5f, 0, -20), new Vector3(1f), "#808080") with
        {
            Animation = new TransformAnimation(
                new Vector3Track([new(0, new Vector3(1.5f, 0, -20), Interpolation.Linear), new(1, new Vector3(1.5f, 0, 5), Interpolation.Linear)]),
                new QuaternionTrack([]),
                new Vector3Track([])),
        };
        var scene = Scene([still, mover]);
        var renderer = new FrameRenderer(scene, NoGrid);
        var shot = scene.Shots[0];
        var centre = Project(renderer, shot, still.Transform.Position + new Vector3(0, 0, 0.5f));

        var greys = new[] { 0, shot.FrameCount / 2, shot.FrameCount - 1 }
            .Select(i => renderer.Render(shot, shot.FrameTime(i), RenderPass.Depth, Size).MeanLuma((int)centre.X, (int)centre.Y, 2))
            .ToList();

        // Normalised per frame, the still box would go from nearest (white) to mid grey as the other passes it.
        Assert.All(greys, g => Assert.Equal(greys[0], g, 0.5));
        Assert.InRange(greys[0], 40, 250);
    }

    [Fact]
    public void A_depth_still_equals_that_frame_of_the_shot()
    {
        var mover = Box("mover", new Vector3(1.5f, 0, -20), new Vector3(1f), "#808080") with
        {
            Animation = new TransformAnimation(
                new Vector3Track([new(0, new Vector3(1.5f, 0, -20), Interpolation.Linear), new(1, new Vector3(0, 0, 4), Interpolation.Linear)]),
                new QuaternionTrack([]),
                new Vector3Track([])),
        };
        var scene = Scene([Box("still", new Vector3(-1.5f, 0, -2), new Vector3(1f), "#808080"), mover]);
        var shot = scene.Shots[0];
        var video = ShotRenderer.Frames(scene, shot, RenderPass.Depth, Size, NoGrid).Where(f => f.Index is 7 or 19).Select(f => f.Frame.Pixels.ToArray()).ToList();

        var stills = new[] { 7, 19 }.Select(i => new FrameRenderer(scene, NoGrid).Render(shot, shot.FrameTime(i), RenderPass.Depth, Size).Pixels).ToList();

        Assert.Equal(video[0], stills[0]);
        Assert.Equal(video[1], stills[1]);
    }
}
