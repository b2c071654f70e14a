using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Characters;
using Previz.Core.Geometry;
using Previz.Core.Scenes;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;

namespace Previz.Rendering.Tests.Rasterizing;

/// <summary>A mesh moved only by its skin: every pass draws it where its joint puts it, and the shot's depth range follows it.</summary>
public sealed class SkinnedGeometryTests
{
    /// <summary>
    /// A 1 m square at the origin facing the camera (10 m away), bound wholly to one joint whose clip "approach" slides
    /// it 5 m towards the camera over the shot's second. The object itself never moves.
    /// </summary>
    private static SceneDocument ApproachingSquare()
    {
        var approach = new TransformAnimation(
            new Vector3Track([new Keyframe<Vector3>(0, Vector3.Zero, Interpolation.Linear), new Keyframe<Vector3>(1, new Vector3(0, 0, 5), Interpolation.Linear)]),
            new QuaternionTrack([]),
            new Vector3Track([]));
        var clip = new RigClip("approach", 0, 1, new Dictionary<int, TransformAnimation> { [0] = approach }, new Dictionary<int, WeightTrack>());
        Vector3[] corners = [new(-0.5f, -0.5f, 0), new(0.5f, -0.5f, 0), new(0.5f, 0.5f, 0), new(-0.5f, 0.5f, 0)];
        var deformation = new MeshDeformation(
            new Rig([new RigNode("joint", -1, Transform.Identity)], [clip], clip),
            -1,
            corners,
            new SkinBinding([0], [Matrix4x4.Identity], 1, [0, 0, 0, 0], [1, 1, 1, 1]),
            [],
            PlaysAllClipsWithoutAction: true);
        var square = new SceneObject
        {
            Id = "square",
            Shape = ShapeKind.Mesh,
            Mesh = new Mesh(corners, [0, 1, 2, 0, 2, 3]) { Deformation = deformation },
            Color = ColorRgb.FromHex("#ffffff"),
        };
        return TestScenes.Scene([square], duration: 25 / 24.0);
    }

    private static int Lit(RgbaFrame frame, RgbaFrame background)
    {
        var count = 0;
        for (var y = 0; y < frame.Height; y++)
        {
            for (var x = 0; x < frame.Width; x++)
            {
                count += frame.GetPixel(x, y) != background.GetPixel(x, y) ? 1 : 0;
            }
        }

        return count;
    }

    [Theory]
    [InlineData(RenderPass.Shaded)]
    [InlineData(RenderPass.Depth)]
    [InlineData(RenderPass.Wireframe)]
    public void A_skinned_square_grows_on_screen_as_its_joint_brings_it_closer(RenderPass pass)
    {
        var scene = ApproachingSquare();
        var renderer = new FrameRenderer(scene);
        var shot = scene.Shots[0];
        var size = new FrameSize(320, 180);
        var empty = new FrameRenderer(scene with { Objects = [] }).Render(shot, 0, pass, size);

        var far = Lit(renderer.Render(shot, 0, pass, size), empty);
        var near = Lit(renderer.Render(shot, 1, pass, size), empty);

        // At half the distance the square covers about four times the pixels (twice the outline length for lines).
        Assert.True(far > 20, $"the square is hardly drawn at rest ({far} pixels)");
        Assert.True(near > (pass == RenderPass.Wireframe ? 1.6 : 3.2) * far, $"{pass}: {near} pixels at 5 m against {far} at 10 m");
    }

    [Fact]
    public void The_depth_range_of_a_shot_reaches_the_skinned_mesh_at_its_nearest()
    {
        var scene = ApproachingSquare();

        var (near, far) = new FrameRenderer(scene).DepthRange(scene.Shots[0]);

        // The square comes within 5 m (1/w = 0.2) and starts at 10 m (0.1); the range is widened a little either side.
        Assert.InRange(near, 0.2f, 0.25f);
        Assert.InRange(far, 0.08f, 0.1f);
    }
}
