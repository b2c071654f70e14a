using System.Numerics;
using Previz.Core.Loading;
using Previz.Core.Sampling;

namespace Previz.Core.Tests.Sampling;

public class PoseSamplerTests
{
    private const string Scene = """
    {
      "name": "hierarchy",
      "objects": [
        { "id": "table", "transform": { "position": [0, 0, 0] },
          "animation": { "rotation": [ { "time": 0, "value": [0, 0, 0], "interpolation": "linear" }, { "time": 4, "value": [0, 90, 0] } ] } },
        { "id": "cup", "parent": "table", "transform": { "position": [1, 0.5, 0] } },
        { "id": "car", "animation": { "position": [ { "time": 0, "value": [0, 0, 0], "interpolation": "linear" }, { "time": 2, "value": [10, 0, 0] } ] } }
      ],
      "cameras": [
        { "id": "cam", "transform": { "position": [0, 2, 10] }, "aimTarget": "car" }
      ],
      "shots": [ { "id": "s", "cameraId": "cam", "start": 1, "duration": 1.5, "fps": 24 } ]
    }
    """;

    [Fact]
    public void Children_follow_their_animated_parent()
    {
        var scene = SceneReader.Read(Scene).Scene;
        var sampler = new PoseSampler(scene);
        // Quarter turn about +Y takes (1, 0.5, 0) to (0, 0.5, −1).
        var cup = sampler.SampleObjects(4.0).Find("cup")!.Position;
        Assert.True(Vector3.Distance(cup, new Vector3(0, 0.5f, -1)) < 1e-4f, cup.ToString());
        Assert.Equal(cup, sampler.ObjectWorld("cup", 4.0).Translation);
    }

    [Fact]
    public void An_aimed_camera_keeps_its_target_in_the_frame_centre()
    {
        var scene = SceneReader.Read(Scene).Scene;
        var sampler = new PoseSampler(scene);
        var shot = scene.Shots[0];
        foreach (var t in new[] { 1.0, 1.5, 2.0 })
        {
            var pose = sampler.Camera(shot, t);
            var car = sampler.ObjectWorld("car", t).Translation;
            var pixel = pose.ProjectToPixel(car, 1280, 720)!.Value;
            Assert.Equal(640f, pixel.X, 1);
            Assert.Equal(360f, pixel.Y, 1);
        }
    }

    [Fact]
    public void A_shot_has_round_duration_times_fps_frames_from_its_start()
    {
        var shot = SceneReader.Read(Scene).Scene.Shots[0];
        Assert.Equal(36, shot.FrameCount);
        Assert.Equal(1.0, shot.FrameTime(0));
        Assert.Equal(1.0 + (35 / 24.0), shot.FrameTime(35), 9);
    }

    [Fact]
    public void The_stadium_sample_loads_and_its_action_camera_follows_the_striker()
    {
        var path = SampleScenes.PathOf("stadium.previz.json");
        var folder = Path.GetDirectoryName(path)!;
        var result = SceneReader.Read(File.ReadAllText(path), new SceneReadOptions { RelativeFileExists = p => File.Exists(Path.Combine(folder, p)) });
        Assert.Empty(result.Warnings);
        var scene = result.Scene;
        Assert.True(scene.Shots.Count >= 2);
        Assert.Contains(scene.Objects, o => o.Hero);
        var sampler = new PoseSampler(scene);
        var action = scene.Shots[1];
        Assert.NotNull(scene.FindCamera(action.CameraId)!.AimTargetId);
        var start = sampler.ObjectWorld("striker", action.Start).Translation;
        var end = sampler.ObjectWorld("striker", action.Start + action.Duration).Translation;
        Assert.True(Vector3.Distance(start, end) > 10, "the striker should run");
    }
}
