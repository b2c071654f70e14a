using System.Text.Json.Nodes;
using Previz.Core.Editing;
using Previz.Core.Geometry;
using Previz.Core.Loading;

namespace Previz.Core.Tests.Editing;

public sealed class SceneEditorTests
{
    public static TheoryData<string> Cases() => [.. EditCases.All().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_edit_changes_what_it_says_and_its_inverse_puts_the_document_back_byte_for_byte(string name)
    {
        var (_, edit, check) = EditCases.All().Single(c => c.Name == name);
        var original = SceneEditor.Apply(EditCases.Stadium(), []).Document;

        var edited = SceneEditor.Apply(original, [edit]);
        check(edited.Scene);
        Assert.NotEqual(original, edited.Document);

        var undone = SceneEditor.Apply(edited.Document, edited.Inverse);
        Assert.Equal(original, undone.Document);

        // Redo: the same edit on the undone document gives the same bytes as the first time.
        Assert.Equal(edited.Document, SceneEditor.Apply(undone.Document, [edit]).Document);
    }

    [Fact]
    public void A_batch_is_undone_by_its_inverse_batch_in_one_step()
    {
        var original = SceneEditor.Apply(EditCases.Stadium(), []).Document;
        var batch = EditCases.All().Select(c => c.Edit).Where(e => e is not RemoveObject and not RemoveShot and not MoveShot and not DeleteKey and not MoveKey).ToList();
        var edited = SceneEditor.Apply(original, batch);
        Assert.Equal(batch.Count, edited.Inverse.Count);
        Assert.Equal(original, SceneEditor.Apply(edited.Document, edited.Inverse).Document);
    }

    [Fact]
    public void Edits_and_their_inverses_travel_as_json_with_their_op()
    {
        var edits = EditCases.All().Select(c => c.Edit).ToList();
        var json = SceneEditJson.WriteList(edits);
        Assert.Contains("\"op\":\"setKey\"", json, StringComparison.Ordinal);
        Assert.Contains("\"object\":{", json, StringComparison.Ordinal);
        var back = SceneEditJson.ReadList(json);
        var original = EditCases.Stadium();
        foreach (var (edit, again) in edits.Zip(back))
        {
            var first = SceneEditor.Apply(original, [edit]);
            Assert.Equal(first.Document, SceneEditor.Apply(original, [again]).Document);
            var inverse = SceneEditJson.ReadList(SceneEditJson.WriteList(first.Inverse));
            Assert.Equal(SceneEditor.Apply(original, []).Document, SceneEditor.Apply(first.Document, inverse).Document);
        }
    }

    [Fact]
    public void A_refused_edit_names_its_operation_and_field_and_applies_nothing_of_the_batch()
    {
        var original = EditCases.Stadium();
        var copy = original.ToArray();
        var ex = Assert.Throws<SceneEditException>(() => SceneEditor.Apply(original, [new SetShot { ShotId = "breakaway", Duration = 6 }, new SetShot { ShotId = "nope", Duration = 1 }]));
        Assert.Equal(1, ex.OperationIndex);
        Assert.Equal("operations[1].shotId", ex.Path);
        Assert.Contains("no shot \"nope\"", ex.Message, StringComparison.Ordinal);
        Assert.Equal(copy, original);
    }

    [Theory]
    [InlineData(0.0, "$.shots[1].duration")]
    [InlineData(-2.0, "$.shots[1].duration")]
    public void A_duration_that_is_not_positive_is_refused_at_the_shot_field(double duration, string path)
    {
        var ex = Assert.Throws<SceneEditException>(() => SceneEditor.Apply(EditCases.Stadium(), [new SetShot { ShotId = "breakaway", Duration = duration }]));
        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void A_lens_under_a_millimetre_and_a_zero_frame_rate_are_refused_with_their_paths()
    {
        Assert.Equal("$.cameras[0].lens.focalLength", Assert.Throws<SceneEditException>(() => SceneEditor.Apply(EditCases.Stadium(), [new SetCamera { CameraId = "dolly-cam", FocalLength = 0 }])).Path);
        Assert.Equal("$.shots[0].fps", Assert.Throws<SceneEditException>(() => SceneEditor.Apply(EditCases.Stadium(), [new SetShot { ShotId = "establishing", Fps = 0 }])).Path);
        Assert.Equal("operations[0].position", Assert.Throws<SceneEditException>(() => SceneEditor.Apply(EditCases.Stadium(), [new SetTransform { ObjectId = "ball", Position = [1, double.NaN, 0] }])).Path);
    }

    [Fact]
    public void A_key_outside_the_shot_it_is_keyed_in_is_refused()
    {
        var key = JsonNode.Parse("""{ "time": 12.5, "value": [0, 0, 0] }""")!.AsObject();
        var ex = Assert.Throws<SceneEditException>(() => SceneEditor.Apply(EditCases.Stadium(), [new SetKey { ObjectId = "ball", Track = "position", Key = key, WithinShot = "breakaway" }]));
        Assert.Equal("operations[0].key.time", ex.Path);
        Assert.Contains("outside shot \"breakaway\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_an_object_something_still_refers_to_is_refused_at_the_reference()
    {
        var ex = Assert.Throws<SceneEditException>(() => SceneEditor.Apply(EditCases.Stadium(), [new RemoveObject { ObjectId = "striker" }]));
        Assert.StartsWith("$.cameras[1].", ex.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Setting_a_key_at_an_existing_time_replaces_that_key_and_keys_stay_in_time_order()
    {
        var doc = SceneTemplates.Empty("Keys");
        var at = (double t, double x) => new SetKey { ObjectId = "ground", Track = "position", Key = JsonNode.Parse($$"""{ "time": {{t}}, "value": [{{x}}, 0, 0] }""")!.AsObject() };
        var scene = SceneEditor.Apply(doc, [at(3, 1), at(0, 2), at(1.5, 3), at(3.00001, 4)]).Scene;
        var keys = scene.FindObject("ground")!.Animation.Position.Keys;
        Assert.Equal([0, 1.5, 3], keys.Select(k => k.Time));
        Assert.Equal(4, keys[2].Value.X);
        Assert.Equal(3, keys[2].Time);
    }

    [Fact]
    public void Deleting_the_last_key_removes_the_track_and_the_empty_animation_block()
    {
        var doc = SceneTemplates.Empty("Keys");
        var keyed = SceneEditor.Apply(doc, [new SetKey { ObjectId = "ground", Track = "scale", Key = JsonNode.Parse("""{ "time": 1, "value": [2, 2, 2] }""")!.AsObject() }]);
        var deleted = SceneEditor.Apply(keyed.Document, [new DeleteKey { ObjectId = "ground", Track = "scale", Time = 1 }]);
        Assert.Equal(SceneEditor.Apply(doc, []).Document, deleted.Document);
        Assert.DoesNotContain("animation", System.Text.Encoding.UTF8.GetString(deleted.Document), StringComparison.Ordinal);
    }

    [Fact]
    public void A_track_the_target_does_not_have_is_refused()
    {
        var ex = Assert.Throws<SceneEditException>(() => SceneEditor.Apply(EditCases.Stadium(), [new DeleteKey { CameraId = "dolly-cam", Track = "scale", Time = 0 }]));
        Assert.Equal("operations[0].track", ex.Path);
        Assert.Throws<SceneEditException>(() => SceneEditor.Apply(EditCases.Stadium(), [new SetTransform { ObjectId = "ball", CameraId = "dolly-cam", Position = [0, 0, 0] }]));
    }

    [Fact]
    public void An_empty_scene_has_a_ground_a_camera_and_one_five_second_shot()
    {
        var scene = SceneReader.Read(SceneTemplates.Empty("Blank")).Scene;
        Assert.Equal("Blank", scene.Name);
        Assert.Equal(ShapeKind.Plane, Assert.Single(scene.Objects).Shape);
        var shot = Assert.Single(scene.Shots);
        Assert.Equal((5.0, 24.0), (shot.Duration, shot.Fps));
        Assert.Equal(Assert.Single(scene.Cameras).Id, shot.CameraId);
    }

    [Fact]
    public void Untouched_fields_keep_their_spelling_when_another_field_is_edited()
    {
        var doc = System.Text.Encoding.UTF8.GetBytes("""{ "name": "n", "custom": { "keep": 1.50 }, "objects": [ { "id": "a", "size": [1.0, 2.0, 3.0] } ] }""");
        var text = System.Text.Encoding.UTF8.GetString(SceneEditor.Apply(doc, [new SetScene { Name = "m" }]).Document);
        Assert.Contains("1.50", text, StringComparison.Ordinal);
        Assert.Contains("2.0", text, StringComparison.Ordinal);
        Assert.Contains("\"custom\"", text, StringComparison.Ordinal);
    }
}
