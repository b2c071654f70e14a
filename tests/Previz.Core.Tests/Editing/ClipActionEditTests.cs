using System.Text;
using Previz.Core.Characters;
using Previz.Core.Editing;
using Previz.Core.Loading;

namespace Previz.Core.Tests.Editing;

/// <summary>Picking the clip a mesh object plays (<see cref="SetObject.Action"/>), checked against the file's clips.</summary>
public sealed class ClipActionEditTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("""
        {
          "name": "Clips",
          "objects": [ { "id": "actor", "kind": "mesh", "mesh": "meshes/character.glb" } ],
          "cameras": [ { "id": "cam", "transform": { "position": [0, 1, 6] } } ],
          "shots": [ { "id": "s", "cameraId": "cam", "duration": 2 } ]
        }
        """);

    /// <summary>What the studio answers for its stored character: two clips.</summary>
    private static readonly SceneReadOptions Options = new() { MeshClips = path => path == "meshes/character.glb" ? ["wave", "bow"] : null };

    [Fact]
    public void Setting_an_action_plays_that_clip_and_its_inverse_gives_back_the_document_byte_for_byte()
    {
        var original = SceneEditor.Apply(Document, [], Options).Document;

        var edited = SceneEditor.Apply(original, [new SetObject { ObjectId = "actor", Action = new ClipAction("bow", 0.5, 1.5, Loop: false) }], Options);

        Assert.Equal(new ClipAction("bow", 0.5, 1.5, false), edited.Scene.FindObject("actor")!.Action);
        Assert.Equal(original, SceneEditor.Apply(edited.Document, edited.Inverse, Options).Document);
        // Clearing it brings back the file's default (no clip chosen), and that undoes exactly too.
        var cleared = SceneEditor.Apply(edited.Document, [new SetObject { ObjectId = "actor", Clear = ["action"] }], Options);
        Assert.Null(cleared.Scene.FindObject("actor")!.Action);
        Assert.Equal(original, cleared.Document);
        Assert.Equal(edited.Document, SceneEditor.Apply(cleared.Document, cleared.Inverse, Options).Document);
    }

    [Fact]
    public void The_action_travels_as_json_inside_set_object()
    {
        var json = SceneEditJson.WriteList([new SetObject { ObjectId = "actor", Action = new ClipAction("wave", 1, 2, true) }]);
        Assert.Contains("\"action\":{\"clip\":\"wave\",\"start\":1,\"speed\":2,\"loop\":true}", json, StringComparison.Ordinal);
        var back = Assert.IsType<SetObject>(Assert.Single(SceneEditJson.ReadList(json)));
        Assert.Equal(new ClipAction("wave", 1, 2, true), back.Action);
    }

    [Fact]
    public void A_clip_the_file_lacks_is_refused_naming_the_clips_it_has_and_the_document_is_unchanged()
    {
        var original = SceneEditor.Apply(Document, [], Options).Document;
        var copy = original.ToArray();

        var ex = Assert.Throws<SceneEditException>(() => SceneEditor.Apply(original, [new SetObject { ObjectId = "actor", Action = new ClipAction("run") }], Options));

        Assert.Equal("$.objects[0].action.clip", ex.Path);
        Assert.Contains("no clip \"run\"; its clips are \"wave\", \"bow\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal(copy, original);
    }

    [Fact]
    public void A_speed_that_is_not_positive_is_refused_at_the_action()
    {
        var ex = Assert.Throws<SceneEditException>(() => SceneEditor.Apply(Document, [new SetObject { ObjectId = "actor", Action = new ClipAction("wave", 0, 0) }], Options));
        Assert.Equal("$.objects[0].action.speed", ex.Path);
    }
}
