using Previz.Core.Loading;

namespace Previz.Core.Tests.Loading;

public sealed class ActionReaderTests
{
    private static string Scene(string objectJson) =>
        $$"""{ "name": "n", "objects": [ {{objectJson}} ], "cameras": [ { "id": "c" } ], "shots": [ { "id": "s", "cameraId": "c" } ] }""";

    [Fact]
    public void A_mesh_object_reads_its_action_with_defaults_for_start_speed_and_loop()
    {
        var scene = SceneReader.Read(Scene("""{ "id": "hero", "kind": "mesh", "mesh": "hero.glb", "action": { "clip": "run", "speed": 1.5 } }"""),
            new SceneReadOptions { RelativeFileExists = _ => true }).Scene;

        var action = scene.Objects[0].Action!;
        Assert.Equal(("run", 0.0, 1.5, true), (action.Clip, action.Start, action.Speed, action.Loop));
    }

    [Fact]
    public void A_bad_action_is_named_by_its_json_path()
    {
        var e = Assert.Throws<SceneValidationException>(() => SceneReader.Read(Scene("""{ "id": "box", "action": { "clip": "", "speed": 0, "loop": "yes" } }""")));

        Assert.Contains(e.Problems, p => p.Path == "$.objects[0].action" && p.Message.Contains("mesh", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.Path == "$.objects[0].action.clip");
        Assert.Contains(e.Problems, p => p.Path == "$.objects[0].action.speed");
        Assert.Contains(e.Problems, p => p.Path == "$.objects[0].action.loop");
    }

    [Fact]
    public void An_action_needs_a_clip()
    {
        var e = Assert.Throws<SceneValidationException>(() => SceneReader.Read(Scene("""{ "id": "hero", "kind": "mesh", "mesh": "hero.glb", "action": { "start": 1 } }"""),
            new SceneReadOptions { RelativeFileExists = _ => true }));

        Assert.Contains(e.Problems, p => p.Path == "$.objects[0].action.clip");
    }
}
