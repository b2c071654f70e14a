using Previz.Core;
using Previz.Core.Loading;
using Previz.Import.Scenes;
using Previz.Import.Tests.Support;

namespace Previz.Import.Tests;

public sealed class SceneFileLoaderTests
{
    private static readonly string Glb = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Blender", "animated_scene.glb");

    [Fact]
    public async Task A_glb_opens_as_a_whole_scene_and_its_camera_finds_its_shot_by_name_in_any_case()
    {
        var loaded = await SceneFileLoader.LoadAsync(Glb);

        Assert.NotNull(loaded.Gltf);
        var shot = CameraShots.ForCamera(loaded.Scene, "shotcam");
        Assert.Equal("ShotCam", shot.CameraId);
        Assert.Equal(48, shot.FrameCount);
    }

    [Fact]
    public async Task An_unknown_camera_lists_the_cameras_there_are()
    {
        var loaded = await SceneFileLoader.LoadAsync(Glb);

        var e = Assert.Throws<UserErrorException>(() => CameraShots.ForCamera(loaded.Scene, "Crane"));

        Assert.Equal("The scene \"animated_scene\" has no camera \"Crane\": its cameras are \"ShotCam\".", e.Message);
    }

    [Fact]
    public async Task Scene_info_lists_nodes_cameras_animations_and_time_ranges()
    {
        var text = string.Join("\n", SceneInfoText.Describe(await SceneFileLoader.LoadAsync(Glb)));

        Assert.Matches(@"^animated_scene.glb: ""animated_scene"", 6 objects \([\d,]+ triangles\), 1 camera, 1 shot", text); // 5 meshes and the Rig
        Assert.Contains("animated 0.042–2 s", text, StringComparison.Ordinal);
        Assert.Matches(@"#2\s+Rig\s+group\s+animated", text);
        Assert.Matches(@"#0\s+Crate\s+mesh\s+12 triangles\s+animated", text);
        Assert.Matches(@"ConeAction\s+0.042–2 s\s+2 object channels", text);
        Assert.Matches(@"ShotCam\s+camera ""ShotCam""\s+16:9\s+48 frames at 24 fps from 0.042 s", text);
    }

    [Fact]
    public async Task A_scene_json_opens_with_its_glb_meshes_loaded()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(Path.Combine(dir.Path, "assets"));
        File.Copy(Glb, Path.Combine(dir.Path, "assets", "set.glb"));
        var json = Path.Combine(dir.Path, "shot.previz.json");
        await File.WriteAllTextAsync(json, """
            {
              "format": "previz-scene/1",
              "name": "Set",
              "objects": [ { "id": "set", "kind": "mesh", "mesh": "assets/set.glb" } ],
              "cameras": [ { "id": "cam", "transform": { "position": [0, 2, 10] } }, { "id": "wide" } ],
              "shots": [ { "id": "s1", "cameraId": "cam", "start": 1, "duration": 3 } ]
            }
            """);

        var loaded = await SceneFileLoader.LoadAsync(json);

        Assert.Null(loaded.Gltf);
        Assert.Equal((await GltfImporter.LoadAsync(Glb)).TriangleCount, loaded.Scene.FindObject("set")!.Mesh!.TriangleCount);
        var wide = CameraShots.ForCamera(loaded.Scene, "wide"); // no shot of its own: the first shot's timing
        Assert.Equal((1.0, 3.0, "wide"), (wide.Start, wide.Duration, wide.CameraId));
        Assert.Contains(SceneInfoText.Describe(loaded), l => l.Contains("assets/set.glb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_scene_json_is_a_validation_error()
    {
        var e = await Assert.ThrowsAsync<SceneValidationException>(() => SceneFileLoader.LoadAsync("/nonexistent/x.previz.json"));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }
}
