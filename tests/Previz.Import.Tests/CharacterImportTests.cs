using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Previz.Core.Characters;
using Previz.Core.Sampling;
using Previz.Import.Scenes;
using Previz.Import.Tests.Support;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace Previz.Import.Tests;

/// <summary>Skins, morph targets, vertex colours, clips, camera-less and orthographic files, and bad skins.</summary>
public sealed class CharacterImportTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Character");

    /// <summary>
    /// A two-bone arm along +X (shoulder at the origin, elbow 1 m out) skinning a mesh node "Arm": vertex 1 (the hand, 2 m
    /// out) follows the elbow, vertex 3 (1.5 m out) half each. Clip "bend" turns the elbow 90° about Z over a second.
    /// </summary>
    private static GltfBuilder Arm(int[]? joints = null, float[]? weights = null, int inverseBindCount = 2, bool elbowInScene = true, bool camera = false)
    {
        var b = new GltfBuilder();
        var positions = b.AddPositions(Vector3.Zero, new Vector3(2, 0, 0), new Vector3(2, 0.1f, 0), new Vector3(1.5f, 0, 0));
        var indices = b.AddIndices(0, 3, 2, 3, 1, 2);
        joints ??= [0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0];
        weights ??= [1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0.5f, 0.5f, 0, 0];
        var jointBytes = joints.Select(j => (byte)j).ToArray();
        var jointAccessor = b.Add("accessors", new JsonObject { ["bufferView"] = b.AddView(jointBytes), ["componentType"] = 5121, ["count"] = joints.Length / 4, ["type"] = "VEC4" });
        var weightAccessor = b.AddFloats(weights, "VEC4");
        var primitive = GltfBuilder.Primitive(positions, indices);
        primitive["attributes"]!["JOINTS_0"] = jointAccessor;
        primitive["attributes"]!["WEIGHTS_0"] = weightAccessor;
        var mesh = b.AddMesh(primitive);
        float[] identity = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
        float[] elbowInverse = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -1, 0, 0, 1];
        var ibm = b.AddFloats([.. identity, .. inverseBindCount > 1 ? elbowInverse : []], "MAT4");
        b.Get("accessors", ibm)["count"] = inverseBindCount;
        var arm = b.AddNode(new JsonObject { ["name"] = "Arm", ["mesh"] = mesh, ["skin"] = 0 });
        var shoulder = b.AddNode(new JsonObject { ["name"] = "Shoulder", ["children"] = elbowInScene ? new JsonArray(2) : new JsonArray() });
        b.AddNode(new JsonObject { ["name"] = "Elbow", ["translation"] = new JsonArray(1f, 0f, 0f) });
        b.Add("skins", new JsonObject { ["joints"] = new JsonArray(1, 2), ["inverseBindMatrices"] = ibm });
        var s = MathF.Sqrt(0.5f);
        b.AddAnimation("bend", 2, "rotation", "LINEAR", [0, 1], [0, 0, 0, 1, 0, 0, s, s], "VEC4");
        b.AddAnimation("lift", 1, "translation", "LINEAR", [0, 2], [0, 0, 0, 0, 1, 0], "VEC3");
        if (camera)
        {
            b.Add("cameras", new JsonObject { ["type"] = "perspective", ["perspective"] = new JsonObject { ["yfov"] = 0.8f, ["znear"] = 0.1f } });
            var cam = b.AddNode(new JsonObject { ["name"] = "Cam", ["camera"] = 0, ["translation"] = new JsonArray(0f, 0f, 8f) });
            b.AddScene(arm, shoulder, cam);
        }
        else
        {
            b.AddScene(arm, shoulder);
        }

        return b;
    }

    private static GltfImport Parse(GltfBuilder b) => GltfImporter.Parse(b.ToGlb(), "arm.glb");

    private static Vector3[] Deformed(GltfImport import, string id, double time, ClipAction? action = null)
    {
        var deformation = import.Scene.FindObject(id)!.Mesh!.Deformation!;
        var result = new Vector3[deformation.BindPositions.Length];
        new MeshDeformer(deformation).Deform(time, action, result);
        return result;
    }

    [Fact]
    public void A_skinned_arm_bends_with_its_joint_animation_and_is_listed_as_a_character()
    {
        var import = Parse(Arm(camera: true));

        // All clips together (a whole file): at 1 s the elbow is bent 90° and the shoulder lifted 0.5 m.
        var v = Deformed(import, "Arm", 1);
        AssertNear(new Vector3(1, 1.5f, 0), v[1]);
        AssertNear(new Vector3(1.25f, 0.75f, 0), v[3]);

        var character = Assert.Single(import.Characters);
        Assert.Equal(("Arm", 2, 0), (character.ObjectId, character.Joints, character.MorphTargets));
        Assert.Equal(["bend", "lift"], character.Clips.Select(c => c.Name));
        Assert.All(import.Animations, a => Assert.Equal((0, 1), (a.Channels, a.CharacterChannels)));
        Assert.Equal(GltfNodeKind.Joint, import.Nodes.Single(n => n.Name == "Elbow").Kind);
        var text = string.Join('\n', SceneInfoText.DescribeGltf(import));
        Assert.Contains("0 object channels, 1 posing a character", text, StringComparison.Ordinal);
        Assert.Contains("\"bend\" 0–1 s, \"lift\" 0–2 s", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_action_plays_one_clip_alone()
    {
        var import = Parse(Arm(camera: true));

        var v = Deformed(import, "Arm", 1, new ClipAction("bend", Loop: false));

        AssertNear(new Vector3(1, 1, 0), v[1]); // the elbow bent, the shoulder not lifted
    }

    [Fact]
    public void Weights_that_do_not_sum_to_one_are_normalised()
    {
        var import = Parse(Arm(weights: [2, 0, 0, 0, 4, 0, 0, 0, 0.1f, 0, 0, 0, 3, 3, 0, 0], camera: true));

        var v = Deformed(import, "Arm", 1, new ClipAction("bend", Loop: false));

        AssertNear(new Vector3(1, 1, 0), v[1]);
        AssertNear(new Vector3(1.25f, 0.25f, 0), v[3]);
    }

    [Fact]
    public void A_joint_outside_the_skin_is_one_readable_error()
    {
        var e = Assert.Throws<GltfImportException>(() => Parse(Arm(joints: [0, 0, 0, 0, 5, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0])));

        Assert.Equal("arm.glb: meshes[0] vertex 1 is weighted to joint 5 (JOINTS_0), but skins[0] has only 2 joints.", e.Message);
    }

    [Fact]
    public void A_skin_joint_that_is_not_in_the_scene_is_one_readable_error()
    {
        var e = Assert.Throws<GltfImportException>(() => Parse(Arm(elbowInScene: false)));

        Assert.Contains("skins[0] joint 1 (nodes[2] \"Elbow\") is not in the scene", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inverse_bind_matrices_of_the_wrong_count_are_one_readable_error()
    {
        var e = Assert.Throws<GltfImportException>(() => Parse(Arm(inverseBindCount: 1)));

        Assert.Contains("skins[0] has 2 joints but its inverseBindMatrices (accessors[", e.Message, StringComparison.Ordinal);
        Assert.Contains("hold 1 matrices", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_skin_naming_a_node_the_file_does_not_have_is_one_readable_error()
    {
        var b = Arm();
        b.Get("skins", 0)["joints"] = new JsonArray(1, 99);

        var e = Assert.Throws<GltfImportException>(() => Parse(b));

        Assert.Contains("skins[0].joints", e.Message, StringComparison.Ordinal);
    }

    private static GltfBuilder Face(bool blink)
    {
        var b = new GltfBuilder();
        var positions = b.AddPositions(Vector3.Zero, Vector3.UnitX, Vector3.UnitY);
        var target = b.AddFloats([0, 0, 1, 0, 0, 0, 0, 0, 0], "VEC3");
        var primitive = GltfBuilder.Primitive(positions, b.AddIndices(0, 1, 2));
        primitive["targets"] = new JsonArray(new JsonObject { ["POSITION"] = target });
        var mesh = b.AddMesh(primitive);
        b.Get("meshes", mesh)["weights"] = new JsonArray(0.5f);
        var node = b.AddNode(new JsonObject { ["name"] = "Face", ["mesh"] = mesh });
        b.AddScene(node);
        if (blink)
        {
            b.AddAnimation("blink", node, "weights", "LINEAR", [0, 1], [0, 1], "SCALAR");
        }

        return b;
    }

    [Fact]
    public void Morph_targets_take_the_mesh_default_weights_and_play_weight_channels()
    {
        var still = GltfImporter.Parse(Face(blink: false).ToGlb(), "face.glb");
        AssertNear(new Vector3(0, 0, 0.5f), Deformed(still, "Face", 0)[0]);

        var animated = GltfImporter.Parse(Face(blink: true).ToGlb(), "face.glb");
        AssertNear(new Vector3(0, 0, 0.25f), Deformed(animated, "Face", 0.25)[0]);
        Assert.Equal(1, Assert.Single(animated.Animations).CharacterChannels);
    }

    [Fact]
    public void Vertex_colours_in_normalized_bytes_become_srgb_colours_per_vertex()
    {
        var b = new GltfBuilder();
        var positions = b.AddPositions(Vector3.Zero, Vector3.UnitX, Vector3.UnitY);
        byte[] rgba = [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 55, 128];
        var colours = b.Add("accessors", new JsonObject { ["bufferView"] = b.AddView(rgba), ["componentType"] = 5121, ["normalized"] = true, ["count"] = 3, ["type"] = "VEC4" });
        var primitive = GltfBuilder.Primitive(positions, b.AddIndices(0, 1, 2));
        primitive["attributes"]!["COLOR_0"] = colours;
        b.AddScene(b.AddNode(new JsonObject { ["name"] = "Tri", ["mesh"] = b.AddMesh(primitive) }));

        var mesh = GltfImporter.Parse(b.ToGlb(), "tri.glb").Scene.FindObject("Tri")!.Mesh!;

        Assert.NotNull(mesh.Colors);
        AssertNear(new Vector3(1, 0, 0), mesh.Colors[0]);
        AssertNear(new Vector3(0, 1, 0), mesh.Colors[1]);
        // Linear 55/255 = 0.2157 is sRGB 0.5 (what a #000080 swatch shows); alpha is dropped.
        Assert.Equal(0.5f, mesh.Colors[2].Z, 2);
    }

    [Fact]
    public void Vertex_colours_tint_the_shaded_pass()
    {
        var b = new GltfBuilder();
        var positions = b.AddPositions(new Vector3(-1, -1, 0), new Vector3(1, -1, 0), new Vector3(1, 1, 0), new Vector3(-1, 1, 0));
        var colours = b.AddFloats([0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1], "VEC3");
        var primitive = GltfBuilder.Primitive(positions, b.AddIndices(0, 1, 2, 0, 2, 3), b.AddMaterial(1, 1, 1));
        primitive["attributes"]!["COLOR_0"] = colours;
        b.AddScene(b.AddNode(new JsonObject { ["name"] = "Card", ["mesh"] = b.AddMesh(primitive) }));
        var scene = GltfImporter.Parse(b.ToGlb(), "card.glb").Scene;

        var frame = new FrameRenderer(scene).Render(scene.Shots[0], scene.Shots[0].Start, RenderPass.Shaded, new FrameSize(320, 180));
        var (r, g, blue) = frame.GetPixel(160, 90);

        Assert.True(blue > 2 * Math.Max(r, g) && blue > 60, $"the card's centre is ({r}, {g}, {blue}), not blue");
    }

    [Fact]
    public void A_file_without_a_camera_gets_one_whose_frame_holds_every_vertex_at_every_time()
    {
        var import = Parse(Arm());

        var camera = Assert.Single(import.Scene.Cameras);
        var shot = Assert.Single(import.Scene.Shots);
        Assert.Equal("previz-camera", camera.Id);
        Assert.Equal(49, shot.FrameCount); // the clips' 0–2 s at 24 fps, ends included
        Assert.Contains(import.Notes, n => n.Contains("no camera", StringComparison.Ordinal));
        var sampler = new PoseSampler(import.Scene);
        var deformation = import.Scene.FindObject("Arm")!.Mesh!.Deformation!;
        var deformer = new MeshDeformer(deformation);
        var positions = new Vector3[deformation.BindPositions.Length];
        var widest = 0f;
        for (var i = 0; i < shot.FrameCount; i++)
        {
            var time = shot.FrameTime(i);
            var view = sampler.Camera(shot, time).ViewProjection;
            var world = sampler.ObjectWorld("Arm", time);
            deformer.Deform(time, null, positions);
            foreach (var p in positions)
            {
                var clip = Vector4.Transform(Vector3.Transform(p, world), view);
                var ndc = new Vector2(clip.X, clip.Y) / clip.W;
                Assert.True(clip.W > camera.Near && MathF.Abs(ndc.X) <= 1 && MathF.Abs(ndc.Y) <= 1, $"{p} at {time:0.###} s is outside the frame ({ndc})");
                widest = MathF.Max(widest, MathF.Max(MathF.Abs(ndc.X), MathF.Abs(ndc.Y)));
            }
        }

        Assert.True(widest > 0.3f, $"the arm fills only {widest:0.00} of the half-frame: framed too loosely");
    }

    [Fact]
    public void A_still_file_without_a_camera_gets_a_five_second_shot()
    {
        var b = new GltfBuilder();
        b.AddScene(b.AddNode(new JsonObject { ["name"] = "Tri", ["mesh"] = b.AddTriangleMesh() }));

        var import = GltfImporter.Parse(b.ToGlb(), "still.glb");

        Assert.Equal(120, Assert.Single(import.Scene.Shots).FrameCount);
    }

    [Fact]
    public void An_orthographic_camera_is_left_out_with_a_note_and_the_rest_of_the_file_works()
    {
        var b = Arm(camera: true);
        b.Add("cameras", new JsonObject { ["type"] = "orthographic", ["orthographic"] = new JsonObject { ["xmag"] = 1f, ["ymag"] = 1f, ["znear"] = 0.1f, ["zfar"] = 10f } });
        var ortho = b.AddNode(new JsonObject { ["name"] = "Plan", ["camera"] = 1 });
        ((JsonArray)b.Get("scenes", 0)["nodes"]!).Add(ortho);

        var import = Parse(b);

        Assert.Equal(["Cam"], import.Scene.Cameras.Select(c => c.Id));
        Assert.Contains(import.Notes, n => n.Contains("\"Plan\" is orthographic", StringComparison.Ordinal));
    }

    [Fact]
    public void Points_and_lines_are_reported_as_left_out()
    {
        var b = new GltfBuilder();
        var positions = b.AddPositions(Vector3.Zero, Vector3.UnitX, Vector3.UnitY);
        var mesh = b.AddMesh(GltfBuilder.Primitive(positions, b.AddIndices(0, 1, 2)), GltfBuilder.Primitive(positions, mode: 1));
        b.AddScene(b.AddNode(new JsonObject { ["name"] = "Wire", ["mesh"] = mesh }));

        var import = GltfImporter.Parse(b.ToGlb(), "wire.glb");

        Assert.Contains(import.Notes, n => n.Contains("1 point or line primitive is left out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scene_plays_a_clip_of_a_referenced_character_and_an_unknown_clip_lists_them()
    {
        using var folder = new TempFolder();
        File.Copy(Path.Combine(Folder, "character.glb"), Path.Combine(folder.Path, "character.glb"));
        const string Scene = """
            { "format": "previz-scene/1", "name": "c",
              "objects": [ { "id": "hero", "kind": "mesh", "mesh": "character.glb", "action": { "clip": "CLIP", "start": 0, "speed": 1, "loop": false } } ],
              "cameras": [ { "id": "cam", "transform": { "position": [0, 1, 6] } } ],
              "shots": [ { "id": "s", "cameraId": "cam" } ] }
            """;
        var good = Path.Combine(folder.Path, "good.previz.json");
        await File.WriteAllTextAsync(good, Scene.Replace("CLIP", "bow", StringComparison.Ordinal));
        var loaded = await SceneFileLoader.LoadAsync(good);
        var hero = loaded.Scene.FindObject("hero")!;
        Assert.Equal("bow", hero.Action!.Clip);
        var deformation = hero.Mesh!.Deformation!;
        var rest = (Vector3[])hero.Mesh.Positions.Clone();
        var bowed = new Vector3[rest.Length];
        new MeshDeformer(deformation).Deform(1, hero.Action, bowed);
        Assert.True(rest.Zip(bowed).Max(p => Vector3.Distance(p.First, p.Second)) > 0.3f, "the bow clip does not move the character");

        var bad = Path.Combine(folder.Path, "bad.previz.json");
        await File.WriteAllTextAsync(bad, Scene.Replace("CLIP", "dance", StringComparison.Ordinal));
        var e = await Assert.ThrowsAsync<Previz.Core.Loading.SceneValidationException>(() => SceneFileLoader.LoadAsync(bad));
        Assert.Contains("$.objects[0].action.clip: \"character.glb\" has no clip \"dance\"; its clips are \"bow\", \"wave\"", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, int> ClipFrames() => new() { { "wave", 1 }, { "wave", 12 }, { "wave", 24 }, { "bow", 1 }, { "bow", 12 }, { "bow", 24 } };

    /// <summary>
    /// Fixtures/Character/make_character.py skinned a tube body with an arm to a four-bone armature in Blender 3.4
    /// (automatic weights), exported two actions as two glTF animations and rendered Workbench frames 1, 12 and 24 of
    /// each. Previz plays each clip alone as an action and draws the same frame with its shaded pass.
    /// </summary>
    [Theory]
    [MemberData(nameof(ClipFrames))]
    public async Task Previz_shaded_frames_of_each_clip_agree_with_Blender(string clip, int frame)
    {
        const int Width = 960, Height = 540;
        var import = await GltfImporter.LoadAsync(Path.Combine(Folder, "character.glb"));
        var black = new Previz.Core.Scenes.ColorRgb(0, 0, 0);
        var scene = import.Scene with
        {
            Environment = new Previz.Core.Scenes.SceneEnvironment { SkyColor = black, HorizonColor = black, GroundColor = black, FogDensity = 0, SunIntensity = 0, Ambient = 1.25f },
            Objects = [.. import.Scene.Objects.Select(o => o.Id == "Body" ? o with { Action = new ClipAction(clip, Start: 0, Loop: false) } : o)],
        };
        var body = import.Rig!.FindClip(clip)!;
        var time = (frame / 24.0) - body.Start; // the action's clip time is clip start + scene time
        var rendered = new FrameRenderer(scene).Render(scene.Shots[0], time, RenderPass.Shaded, new FrameSize(Width, Height));
        var ours = new bool[Width * Height];
        var theirs = new bool[Width * Height];
        using var reference = Image.Load<Rgb24>(Path.Combine(Folder, $"{clip}_{frame:0000}.png"));
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (r, g, b) = rendered.GetPixel(x, y);
                ours[(y * Width) + x] = r + g + b > 64;
                var p = reference[x, y];
                theirs[(y * Width) + x] = p.R + p.G + p.B > 64;
            }
        }

        var (error, iou, oursCount, theirsCount) = Silhouette.Compare(ours, theirs, Width);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clip} frame {frame}: centroid error {error:0.00} px, IoU {iou:0.000}, pixels previz {oursCount} blender {theirsCount}"));
        Assert.True(theirsCount > 2000, "the character is hardly visible in Blender's frame: the fixture is wrong");
        Assert.True(iou >= 0.95, $"silhouette IoU {iou:0.000} < 0.95");
        Assert.True(error <= 0.01f * Width, $"centroid {error:0.00} px from Blender's (more than 1 % of the width)");
    }

    private static void AssertNear(Vector3 expected, Vector3 actual) =>
        Assert.True(Vector3.Distance(expected, actual) < 1e-4f, $"expected {expected}, got {actual}");
}
