using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Previz.Core.Editing;
using Previz.Studio.Scenes;
using Previz.Studio.Tests.Api;

namespace Previz.Studio.Tests.Scenes;

public sealed class ComposeDraftTests
{
    [Fact]
    public async Task Undo_and_redo_walk_the_draft_back_and_forth_exactly_and_save_stores_a_new_version()
    {
        await using var studio = await StudioFixture.StartAsync();
        var store = studio.App.Services.GetRequiredService<SceneStore>();
        var record = await store.CreateAsync("Draft", CancellationToken.None);
        var draft = await ComposeDraft.OpenAsync(store, record, CancellationToken.None);
        var opened = draft.Document;
        Assert.False(draft.IsDirty);

        await draft.ApplyAsync([AddBox("box")], CancellationToken.None);
        var withBox = draft.Document;
        await draft.ApplyAsync([new SetTransform { ObjectId = "box", Position = [2, 0.5, 0] }], CancellationToken.None);
        var moved = draft.Document;
        Assert.True(draft.IsDirty);

        await draft.UndoAsync(CancellationToken.None);
        Assert.Equal(withBox, draft.Document);
        await draft.UndoAsync(CancellationToken.None);
        Assert.Equal(opened, draft.Document);
        Assert.False(draft.IsDirty);
        await draft.RedoAsync(CancellationToken.None);
        await draft.RedoAsync(CancellationToken.None);
        Assert.Equal(moved, draft.Document);
        Assert.Equal(2, draft.Scene.FindObject("box")!.Transform.Position.X);

        var saved = await draft.SaveAsync(CancellationToken.None);
        Assert.Equal(2, saved.Version);
        Assert.False(draft.IsDirty);
        Assert.False(draft.CanUndo);
        Assert.Equal(moved, await store.ReadContentAsync(saved, CancellationToken.None));
    }

    [Fact]
    public async Task A_refused_batch_leaves_the_draft_byte_identical_with_its_history()
    {
        await using var studio = await StudioFixture.StartAsync();
        var store = studio.App.Services.GetRequiredService<SceneStore>();
        var draft = await ComposeDraft.OpenAsync(store, await store.CreateAsync("Refuse", CancellationToken.None), CancellationToken.None);
        await draft.ApplyAsync([AddBox("box")], CancellationToken.None);
        var before = draft.Document;
        var history = draft.History;

        var ex = await Assert.ThrowsAsync<SceneEditException>(() => draft.ApplyAsync([new SetShot { ShotId = "shot-1", Fps = 0 }], CancellationToken.None));
        Assert.Equal("$.shots[0].fps", ex.Path);
        Assert.Equal(before, draft.Document);
        Assert.Equal(history, draft.History);
    }

    [Fact]
    public async Task A_kept_history_replays_to_the_same_draft_with_its_undone_edits_still_redoable()
    {
        await using var studio = await StudioFixture.StartAsync();
        var store = studio.App.Services.GetRequiredService<SceneStore>();
        var record = await store.CreateAsync("Reload", CancellationToken.None);
        var draft = await ComposeDraft.OpenAsync(store, record, CancellationToken.None);
        await draft.ApplyAsync([AddBox("a")], CancellationToken.None);
        await draft.ApplyAsync([AddBox("b")], CancellationToken.None);
        await draft.ApplyAsync([AddBox("c")], CancellationToken.None);
        await draft.UndoAsync(CancellationToken.None);

        var (restored, problem) = await ComposeDraft.RestoreAsync(store, record, draft.History, CancellationToken.None);
        Assert.Null(problem);
        Assert.Equal(draft.Document, restored.Document);
        await restored.RedoAsync(CancellationToken.None);
        Assert.NotNull(restored.Scene.FindObject("c"));

        var (clean, reason) = await ComposeDraft.RestoreAsync(store, record, """{ "done": [ [ { "op": "removeObject", "objectId": "nope" } ] ] }""", CancellationToken.None);
        Assert.False(clean.IsDirty);
        Assert.Contains("could not be replayed", reason, StringComparison.Ordinal);
    }

    private static AddObject AddBox(string id) => new() { Entry = JsonNode.Parse($$"""{ "id": "{{id}}", "kind": "box", "transform": { "position": [0, 0.5, 0] } }""")!.AsObject() };
}
