using System.Text;
using System.Text.Json;
using Bunit;
using Previz.Core.Characters;
using Previz.Core.Editing;
using Previz.Core.Loading;
using Previz.Core.Scenes;
using Previz.Import;
using Previz.Studio.Components.Compose;
using Previz.Studio.Compose;

namespace Previz.Studio.Tests.Components;

/// <summary>The object panel's clip picker for a mesh whose file has clips (the Blender-rigged character: "wave", "bow").</summary>
public sealed class ObjectPanelClipTests : BunitContext
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("""
        {
          "name": "Clips",
          "objects": [ { "id": "actor", "kind": "mesh", "mesh": "character.glb" }, { "id": "crate", "kind": "box" } ],
          "cameras": [ { "id": "cam", "transform": { "position": [0, 1, 6] } } ],
          "shots": [ { "id": "s", "cameraId": "cam", "duration": 2 } ]
        }
        """);

    private static readonly SceneReadOptions Options = new() { MeshClips = path => path == "character.glb" ? ["bow", "wave"] : null };

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Samples");

    [Fact]
    public async Task A_character_lists_its_files_clips_and_picking_one_then_its_speed_and_loop_applies_set_object_edits()
    {
        var document = SceneEditor.Apply(Json, [], Options).Document;
        var scene = await ReadAsync(document);
        var applied = new List<SceneEdit>();
        var cut = Render<ObjectPanel>(p => p
            .Add(c => c.Scene, scene)
            .Add(c => c.Document, document)
            .Add(c => c.Shot, scene.Shots[0])
            .Add(c => c.Selection, new ComposeTarget("actor", ComposeTargetKind.SceneObject))
            .Add(c => c.Apply, async build =>
            {
                // What the studio page does: the operations, read as edits, applied to the draft by Core.
                var edits = build(scene).Select(o => o.Deserialize<SceneEdit>(SceneEditJson.Options)!).ToList();
                var result = SceneEditor.Apply(document, edits, Options);
                applied.AddRange(edits);
                document = result.Document;
                scene = await ReadAsync(document);
                return null;
            }));

        var options = cut.FindAll("#target-clip option");
        Assert.Equal(["", "bow", "wave"], options.Select(o => o.GetAttribute("value")));
        Assert.Equal("(no clip: rest pose)", options[0].TextContent);
        Assert.Empty(cut.FindAll("#target-clip-speed"));

        await cut.Find("#target-clip").ChangeAsync(new() { Value = "bow" });
        Assert.Equal(new ClipAction("bow"), scene.FindObject("actor")!.Action);
        Assert.Equal(new ClipAction("bow"), Assert.IsType<SetObject>(Assert.Single(applied)).Action);

        cut.Render(p => p.Add(c => c.Scene, scene).Add(c => c.Document, document));
        Assert.Equal("bow", cut.Find("#target-clip").GetAttribute("value"));
        await cut.Find("#target-clip-speed").ChangeAsync(new() { Value = "1.5" });
        await cut.Find("#target-clip-loop").ChangeAsync(new() { Value = false });
        Assert.Equal(new ClipAction("bow", 0, 1.5, Loop: false), scene.FindObject("actor")!.Action);

        // Back to no clip: the action is cleared from the file.
        cut.Render(p => p.Add(c => c.Scene, scene).Add(c => c.Document, document));
        await cut.Find("#target-clip").ChangeAsync(new() { Value = "" });
        Assert.Null(scene.FindObject("actor")!.Action);
        Assert.Equal(SceneEditor.Apply(Json, [], Options).Document, document);
    }

    [Fact]
    public async Task An_object_without_clips_offers_no_clip_picker()
    {
        var scene = await ReadAsync(SceneEditor.Apply(Json, [], Options).Document);
        var cut = Render<ObjectPanel>(p => p
            .Add(c => c.Scene, scene)
            .Add(c => c.Document, Json)
            .Add(c => c.Shot, scene.Shots[0])
            .Add(c => c.Selection, new ComposeTarget("crate", ComposeTargetKind.SceneObject))
            .Add(c => c.Apply, _ => Task.FromResult<string?>(null)));

        Assert.Empty(cut.FindAll("#target-clip"));
    }

    private static async Task<SceneDocument> ReadAsync(byte[] document) =>
        await SceneMeshResolver.ResolveAsync(SceneReader.Read(document, Options).Scene, Folder);
}
