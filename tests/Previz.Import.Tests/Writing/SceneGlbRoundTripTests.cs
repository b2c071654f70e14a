using System.Numerics;
using System.Text.Json.Nodes;
using Previz.Core.Geometry;
using Previz.Core.Sampling;
using Previz.Core.Scenes;
using Previz.Import.Scenes;
using Previz.Import.Tests.Support;
using Previz.Import.Writing;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Testing;
using SharpGLTF.Schema2;

namespace Previz.Import.Tests.Writing;

public sealed class SceneGlbRoundTripTests
{
    public static TheoryData<string> Scenes => ["stadium.previz.json", "product-turntable.previz.json", "key-kinds"];

    [Theory]
    [MemberData(nameof(Scenes))]
    public async Task An_exported_scene_imports_back_to_the_same_objects_cameras_keys_and_shots(string name)
    {
        var original = await LoadAsync(name);

        var back = GltfImporter.Parse(SceneGlb.Write(original, SceneGlbContent.Full), "export.glb").Scene;

        SceneAssert.Same(original, back);
    }

    [Theory]
    [MemberData(nameof(Scenes))]
    public async Task Direct_render_draws_the_read_back_scene_as_it_drew_the_original(string name)
    {
        var original = await LoadAsync(name);
        var back = GltfImporter.Parse(SceneGlb.Write(original, SceneGlbContent.Full), "export.glb").Scene;
        var before = new FrameRenderer(original);
        var after = new FrameRenderer(back);

        foreach (var shot in original.Shots)
        {
            var size = FrameSize.For(shot.Aspect, ResolutionPreset.OneK);
            foreach (var time in new[] { shot.Start, shot.Start + (shot.Duration * 0.4), shot.Start + shot.Duration - (1 / shot.Fps) })
            {
                var a = before.Render(shot, time, RenderPass.Shaded, size).Pixels;
                var b = after.Render(back.FindShot(shot.Id)!, time, RenderPass.Shaded, size).Pixels;
                var mae = PixelStatistics.MeanAbsoluteDifference(a, b);
                Assert.True(mae < 0.5, $"shot {shot.Id} at {time} s: mean absolute error {mae:0.###} of 255");
                Assert.True(Spread(a) > 5, $"shot {shot.Id} at {time} s draws something"); // not two blank frames
            }
        }
    }

    /// <summary>
    /// Plays the file as any glTF: the Previz block removed, imported through the generic path (the one checked against
    /// Blender's frames). SharpGLTF's own player is no referee here: it leaves CUBICSPLINE tangents unscaled by the key
    /// spacing, which the glTF specification asks for.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scenes))]
    public async Task A_tool_that_plays_only_the_gltf_channels_sees_the_objects_and_cameras_move_as_in_previz(string name)
    {
        var scene = await LoadAsync(name);
        var model = ModelRoot.ParseGLB(SceneGlb.Write(scene, SceneGlbContent.Full), new ReadSettings { Validation = SharpGLTF.Validation.ValidationMode.Strict });
        var previzIds = model.LogicalNodes.ToDictionary(n => n.LogicalIndex, n => (string)(n.Extras?["previzId"] ?? n.Extras?["previzCamera"])!);
        model.DefaultScene.Extras = null;
        var plain = GltfImporter.Parse(model.WriteGLB().ToArray(), "plain.glb");
        var plainIds = plain.Nodes.Where(n => n.Id is not null).ToDictionary(n => previzIds[n.Index], n => n.Id!);
        var sampler = new PoseSampler(scene);
        var player = new PoseSampler(plain.Scene);
        var end = scene.Shots.Max(s => s.Start + s.Duration);
        for (var time = 0.0; time <= end; time += 0.37)
        {
            foreach (var obj in scene.Objects)
            {
                var expected = sampler.ObjectWorld(obj.Id, time);
                var actual = player.ObjectWorld(plainIds[obj.Id], time);
                foreach (var corner in new[] { Vector3.Zero, Vector3.UnitX, Vector3.UnitY, Vector3.UnitZ })
                {
                    var distance = Vector3.Distance(Vector3.Transform(corner, expected), Vector3.Transform(corner, actual));
                    // Tracks glTF cannot key exactly are sampled at the shots' frame rate and played linearly in between:
                    // the cart's 4 m smooth start strays up to a*h²/8 ≈ 3 mm between samples.
                    Assert.True(distance < 5e-3f * MathF.Max(1, expected.Translation.Length()), $"{obj.Id} at {time:0.00} s is {distance} m off");
                }
            }

            foreach (var shot in scene.Shots)
            {
                var pose = sampler.Camera(shot, time);
                var played = player.Camera(plain.Scene.FindCamera(plainIds[shot.CameraId])!, time, pose.Aspect);
                Assert.True(Vector3.Distance(pose.Position, played.Position) < 1e-3f * MathF.Max(1, pose.Position.Length()), $"camera {shot.CameraId} at {time:0.00} s");
                var angle = MathF.Acos(Math.Clamp(Vector3.Dot(pose.Forward, played.Forward), -1f, 1f)) * 180 / MathF.PI;
                // Aim targets are baked into keys one frame apart (and a new target is turned to within that frame).
                var aimSwitch = scene.FindCamera(shot.CameraId)!.Animation.Aim.Keys.Any(k => Math.Abs(k.Time - time) < 1 / shot.Fps);
                Assert.True(aimSwitch || angle < 0.5f, $"camera {shot.CameraId} at {time:0.00} s looks {angle:0.00}° away");
            }
        }
    }

    [Fact]
    public void The_export_holds_the_scene_document_cameras_and_one_animation()
    {
        var scene = KeyKindsScene.Create();

        var model = ModelRoot.ParseGLB(SceneGlb.Write(scene, SceneGlbContent.Full));

        Assert.Equal("Key kinds", model.DefaultScene.Extras?["previz"]?["name"]?.GetValue<string>());
        Assert.Equal(2, model.LogicalCameras.Count);
        var crane = (CameraPerspective)model.LogicalCameras[0].Settings;
        Assert.Equal(16 / 9f, crane.AspectRatio!.Value, 1e-5f);
        Assert.Equal(new PoseSampler(scene).Camera(scene.Shots[0], 0).VerticalFovRadians, crane.VerticalFOV, 1e-6f);
        Assert.Equal((0.3f, 300f), (crane.ZNear, crane.ZFar));
        var wheel = model.LogicalNodes.Single(n => (string?)n.Extras?["previzId"] == "wheel");
        Assert.Equal("cart", (string?)wheel.VisualParent.Extras?["previzId"]);
        var rider = model.LogicalNodes.Single(n => (string?)n.Extras?["previzCamera"] == "rider");
        Assert.Equal("cart", (string?)rider.VisualParent.Extras?["previzId"]);
        Assert.NotNull(rider.Camera);
        var animation = Assert.Single(model.LogicalAnimations);
        Assert.Equal("LINEAR", SamplerOf(animation, "cart", "translation")); // smooth, linear and step mixed: sampled
        Assert.Equal("LINEAR", SamplerOf(animation, "wheel", "rotation"));
        Assert.Equal("STEP", SamplerOf(animation, "ball", "rotation"));
        Assert.Equal("CUBICSPLINE", SamplerOf(animation, "person", "translation"));
        Assert.Equal("CUBICSPLINE", SamplerOf(animation, "spinner", "rotation"));
    }

    [Fact]
    public void The_same_file_without_the_previz_block_imports_as_any_gltf_does()
    {
        var model = ModelRoot.ParseGLB(SceneGlb.Write(KeyKindsScene.Create(), SceneGlbContent.Full));
        model.DefaultScene.Extras = null;

        var scene = GltfImporter.Parse(model.WriteGLB().ToArray(), "plain.glb").Scene;

        Assert.Equal("plain", scene.Name);
        Assert.All(scene.Objects, o => Assert.Equal(ShapeKind.Mesh, o.Shape));
        Assert.Contains(scene.Objects, o => o.Id == "red cart"); // named after the node, not restored
        Assert.Equal(2, scene.Shots.Count);
        Assert.All(scene.Shots, s => Assert.Equal(24, s.Fps));
    }

    [Fact]
    public void A_broken_previz_block_is_a_readable_import_error()
    {
        var model = ModelRoot.ParseGLB(SceneGlb.Write(KeyKindsScene.Create(), SceneGlbContent.Full));
        var document = (JsonObject)model.DefaultScene.Extras!["previz"]!;
        document["shots"]![0]!["cameraId"] = "nobody";
        model.DefaultScene.Extras = new JsonObject { ["previz"] = document.DeepClone() };

        var error = Assert.Throws<GltfImportException>(() => GltfImporter.Parse(model.WriteGLB().ToArray(), "broken.glb"));

        Assert.Contains("extras.previz", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.shots[0].cameraId", error.Message, StringComparison.Ordinal);
    }

    private static string SamplerOf(Animation animation, string id, string path)
    {
        var node = animation.LogicalParent.LogicalNodes.Single(n => (string?)n.Extras?["previzId"] == id);
        var channel = animation.FindChannels(node).Single(c => c.TargetNodePath.ToString().Equals(path, StringComparison.OrdinalIgnoreCase));
        return path == "rotation" ? channel.GetRotationSampler().InterpolationMode.ToString() : channel.GetTranslationSampler().InterpolationMode.ToString();
    }

    private static async Task<SceneDocument> LoadAsync(string name) =>
        name == "key-kinds" ? KeyKindsScene.Create() : (await SceneFileLoader.LoadAsync(SampleScenes.PathOf(name))).Scene;
    private static int Spread(byte[] pixels) => pixels.Max() - pixels.Min();
}
