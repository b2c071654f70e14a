using System.Numerics;
using Previz.Core.Geometry;
using Previz.Core.Loading;

namespace Previz.Core.Tests.Loading;

public class SceneReaderTests
{
    [Fact]
    public void A_complete_document_reads_every_field()
    {
        var json = """
        {
          "name": "Test", "description": "d",
          "environment": { "timeOfDay": "dusk", "sunDirection": [0, 1, 0], "skyColor": "#112233", "fog": { "density": 0.01 } },
          "style": { "preset": "noir", "text": "grainy" },
          "lighting": { "preset": "golden-hour" },
          "objects": [
            { "id": "hero", "name": "Runner", "hero": true, "kind": "capsule", "size": [0.5, 1.8, 0.5], "color": "#ff0000",
              "transform": { "position": [1, 2, 3], "quaternion": [0, 0, 0, 2], "scale": 2 },
              "references": [ { "path": "refs/runner.png", "view": "front" } ] }
          ],
          "cameras": [ { "id": "c", "lens": { "focalLength": 85, "sensor": [36, 24] }, "near": 0.2, "far": 50 } ],
          "shots": [ { "id": "s", "cameraId": "c", "aspect": "2.39:1", "duration": 3, "fps": 25, "focalLength": 40 } ]
        }
        """;
        var result = SceneReader.Read(json);
        var scene = result.Scene;
        Assert.Empty(result.Warnings);
        Assert.Equal("dusk", scene.Environment.TimeOfDay);
        Assert.Equal(0.01f, scene.Environment.FogDensity);
        Assert.Equal("noir", scene.Style.Preset);
        var hero = scene.Objects[0];
        Assert.True(hero.Hero);
        Assert.Equal(ShapeKind.Capsule, hero.Shape);
        Assert.Equal(new Vector3(2), hero.Transform.Scale);
        Assert.Equal(Quaternion.Identity, hero.Transform.Rotation);
        Assert.Equal("front", hero.References[0].View);
        Assert.Equal(85f, scene.Cameras[0].Lens.FocalLengthMm);
        Assert.Equal(2.39, scene.Shots[0].Aspect.Value, 3);
        Assert.Equal(75, scene.Shots[0].FrameCount);
        Assert.Equal(40f, scene.Shots[0].FocalLengthMm);
    }

    [Fact]
    public void Defaults_are_a_two_second_shot_at_24_fps_in_16_9()
    {
        var scene = SceneReader.Read("""{ "name": "n", "cameras": [ { "id": "c" } ], "shots": [ { "id": "s", "cameraId": "c" } ] }""").Scene;
        Assert.Equal(2.0, scene.Shots[0].Duration);
        Assert.Equal(24.0, scene.Shots[0].Fps);
        Assert.Equal(16.0 / 9.0, scene.Shots[0].Aspect.Value, 6);
        Assert.Equal(36f, scene.Cameras[0].Lens.SensorWidthMm);
    }

    [Fact]
    public void An_unknown_camera_is_named_with_its_path()
    {
        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read("""
            { "name": "n", "cameras": [ { "id": "a" } ],
              "shots": [ { "id": "s1", "cameraId": "a" }, { "id": "s2", "cameraId": "a" }, { "id": "s3", "cameraId": "crane" } ] }
            """));
        var problem = Assert.Single(ex.Errors);
        Assert.Equal("$.shots[2].cameraId", problem.Path);
        Assert.Contains("no camera with id \"crane\"", problem.Message);
        Assert.Contains("$.shots[2].cameraId: no camera with id \"crane\"", ex.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read("""
            {
              "name": "n",
              "objects": [
                { "id": "a", "parent": "ghost", "color": "red", "kind": "torus" },
                { "id": "a", "transform": { "position": [1, 2] } },
                { "id": "b", "animation": { "position": [ { "time": 2, "value": [0,0,0] }, { "time": 1, "value": [1,1,1] } ] } }
              ],
              "cameras": [ { "id": "c", "aimTarget": "nobody", "lens": { "focalLength": -5 }, "near": 10, "far": 1 } ],
              "shots": [ { "id": "s", "cameraId": "c", "duration": -1, "aspect": "wide", "fps": 0 } ]
            }
            """));
        var paths = ex.Errors.Select(e => e.Path).ToList();
        string[] expected =
        [
            "$.objects[0].parent", "$.objects[0].color", "$.objects[0].kind", "$.objects[1].id",
            "$.objects[1].transform.position", "$.objects[2].animation.position[1].time",
            "$.cameras[0].aimTarget", "$.cameras[0].lens.focalLength", "$.cameras[0].far",
            "$.shots[0].duration", "$.shots[0].aspect", "$.shots[0].fps",
        ];
        foreach (var path in expected)
        {
            Assert.Contains(path, paths);
        }
    }

    [Fact]
    public void Unknown_fields_are_warnings_not_errors()
    {
        var result = SceneReader.Read("""{ "name": "n", "colour": "#fff", "objects": [ { "id": "a", "heroo": true } ] }""");
        Assert.Equal(["$.colour", "$.objects[0].heroo", "$.shots"], result.Warnings.Select(w => w.Path).Order());
        Assert.Contains("unknown field", result.Warnings[0].Message);
    }

    [Theory]
    [InlineData("../secret.png", "outside")]
    [InlineData("/etc/passwd", "relative")]
    [InlineData("refs/../../x.png", "outside")]
    [InlineData("C:/x.png", "relative")]
    public void Reference_paths_must_stay_inside_the_scene_folder(string path, string expected)
    {
        var json = $$"""{ "name": "n", "objects": [ { "id": "a", "references": [ { "path": "{{path}}" } ] } ] }""";
        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read(json));
        var problem = Assert.Single(ex.Errors);
        Assert.Equal("$.objects[0].references[0].path", problem.Path);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void Missing_reference_files_are_errors_when_the_caller_can_check()
    {
        var json = """{ "name": "n", "objects": [ { "id": "a", "references": [ { "path": "refs/a.png" }, { "path": "refs/b.png" } ] } ] }""";
        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read(json, new SceneReadOptions { RelativeFileExists = p => p == "refs/a.png" }));
        Assert.Equal("$.objects[0].references[1].path", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Rotation_keys_half_a_turn_apart_or_more_are_flagged()
    {
        var result = SceneReader.Read("""
            { "name": "n", "objects": [ { "id": "t", "animation": { "rotation": [
              { "time": 0, "value": [0, 0, 0] }, { "time": 1, "value": [0, 360, 0] } ] } } ] }
            """);
        Assert.Contains(result.Warnings, w => w.Path == "$.objects[0].animation.rotation[1].value" && w.Message.Contains("shortest"));
    }

    [Fact]
    public void Parent_cycles_are_rejected()
    {
        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read("""
            { "name": "n", "objects": [ { "id": "a", "parent": "b" }, { "id": "b", "parent": "a" } ] }
            """));
        Assert.Contains(ex.Errors, e => e.Path == "$.objects[0].parent" && e.Message.Contains("loops"));
    }

    [Theory]
    [InlineData("""{ "name": "n", "shots": [ { "id": "s", "cameraId": "c", "duration": 1e999 } ] }""", "$.shots[0].duration")]
    [InlineData("""{ "name": "n", "objects": [ { "id": "a", "transform": { "position": [1e39, 0, 0] } } ] }""", "$.objects[0].transform.position")]
    [InlineData("""{ "name": "" }""", "$.name")]
    [InlineData("""[1, 2]""", "$")]
    [InlineData("""{ "name": "n", "objects": { "id": "a" } }""", "$.objects")]
    [InlineData("""{ "name": "n", "cameras": [ { "id": "c", "near": 5e-324 } ] }""", "$.cameras[0].near")]
    public void Impossible_values_name_their_path(string json, string path)
    {
        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read(json));
        Assert.Contains(ex.Errors, e => e.Path == path);
    }

    [Theory]
    [InlineData("color", "$.objects[0].color")]
    [InlineData("transform", "$.objects[0].transform")]
    [InlineData("kind", "$.objects[0].kind")]
    public void A_null_value_is_an_error_at_its_path_not_the_default(string field, string path)
    {
        var json = $$"""{ "name": "n", "objects": [ { "id": "a", "{{field}}": null } ] }""";

        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read(json));

        var error = Assert.Single(ex.Errors, e => e.Path == path);
        Assert.Contains("null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_aim_target_key_of_null_still_stops_aiming()
    {
        var read = SceneReader.Read("""
            { "name": "n", "objects": [ { "id": "a" } ],
              "cameras": [ { "id": "c", "animation": { "aimTarget": [ { "time": 0, "value": "a" }, { "time": 1, "value": null } ] } } ] }
            """);

        Assert.Single(read.Scene.Cameras);
    }

    [Fact]
    public void Broken_json_reports_the_line()
    {
        var ex = Assert.Throws<SceneValidationException>(() => SceneReader.Read("{\n  \"name\": \"n\",\n  \"objects\": [ { \"id\": } ]\n}"));
        var problem = Assert.Single(ex.Errors);
        Assert.Equal("$", problem.Path);
        Assert.Contains("line 3", problem.Message);
    }
}
