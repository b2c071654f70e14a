using System.Text.Json;
using Previz.Core.Editing;
using Previz.Core.Scenes;
using Previz.Studio.Persistence;

namespace Previz.Studio.Scenes;

/// <summary>
/// A scene being composed in the studio: a stored version, the edits applied to it since, undo and redo. Edits are
/// <see cref="SceneEdit"/> batches applied by Core's <see cref="SceneEditor"/>; a refused batch changes nothing. The
/// batches are the draft's whole state, so the browser can keep them (<see cref="History"/>) and a reload replays them.
/// </summary>
public sealed class ComposeDraft
{
    private readonly SceneStore _store;
    private readonly List<UndoableBatch> _done = [];
    private readonly List<UndoableBatch> _undone = [];

    private ComposeDraft(SceneStore store, SceneRecord record, byte[] document, SceneDocument scene)
    {
        _store = store;
        Base = record;
        Document = document;
        Scene = scene;
        Saved = document;
    }

    /// <summary>The stored version the draft started from.</summary>
    public SceneRecord Base { get; private set; }

    /// <summary>The document with every applied batch.</summary>
    public byte[] Document { get; private set; }

    /// <summary>What <see cref="Document"/> reads as, with mesh objects' geometry loaded.</summary>
    public SceneDocument Scene { get; private set; }

    /// <summary>The document as last stored (or opened).</summary>
    private byte[] Saved { get; set; }

    public bool IsDirty => !Document.AsSpan().SequenceEqual(Saved);

    public bool CanUndo => _done.Count > 0;

    public bool CanRedo => _undone.Count > 0;

    /// <summary>Raised after every applied batch, undo, redo and save.</summary>
    public event Action? Changed;

    /// <exception cref="Core.UserErrorException">The stored scene cannot be composed (a GLB, or a missing file).</exception>
    public static async Task<ComposeDraft> OpenAsync(SceneStore store, SceneRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Format != SceneStore.JsonFormat)
        {
            throw new Core.UserErrorException($"\"{record.OriginalFileName}\" is a glTF file: compose in a .previz.json scene (New scene) and add the file to it as an object.");
        }

        var content = await store.ReadContentAsync(record, cancellationToken);
        // Opening applies no edit but writes the document in the layout every edit keeps, so undo returns exact bytes.
        var opened = SceneEditor.Apply(content, [], store.ReadOptions);
        var scene = await store.ResolveMeshesAsync(opened.Scene, cancellationToken);
        return new ComposeDraft(store, record, opened.Document, scene) { Saved = opened.Document };
    }

    /// <summary>
    /// Opens <paramref name="record"/> and replays a <see cref="History"/> kept for it. A history that no longer applies
    /// (the edits refer to what the version lacks) gives the clean version and the reason.
    /// </summary>
    public static async Task<(ComposeDraft Draft, string? Problem)> RestoreAsync(SceneStore store, SceneRecord record, string? history, CancellationToken cancellationToken)
    {
        var draft = await OpenAsync(store, record, cancellationToken);
        if (string.IsNullOrWhiteSpace(history))
        {
            return (draft, null);
        }

        try
        {
            var kept = JsonSerializer.Deserialize<DraftHistory>(history, SceneEditJson.Options);
            foreach (var batch in kept?.Done ?? [])
            {
                await draft.ApplyAsync(batch, cancellationToken);
            }

            foreach (var batch in Enumerable.Reverse(kept?.Undone ?? []))
            {
                await draft.ApplyAsync(batch, cancellationToken);
            }

            foreach (var _ in kept?.Undone ?? [])
            {
                await draft.UndoAsync(cancellationToken);
            }

            return (draft, null);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or SceneEditException or Core.UserErrorException)
        {
            var clean = await OpenAsync(store, record, cancellationToken);
            return (clean, $"The unsaved edits kept for this scene could not be replayed and were set aside: {e.Message}");
        }
    }

    /// <summary>The applied and the undone batches as JSON, for the browser to keep across a reload.</summary>
    public string History => JsonSerializer.Serialize(new DraftHistory([.. _done.Select(b => b.Edits)], [.. _undone.Select(b => b.Edits)]), SceneEditJson.Options);

    /// <summary>Applies a batch: all of it, or nothing when an edit is refused.</summary>
    /// <exception cref="SceneEditException">An edit was refused; the draft is unchanged.</exception>
    public async Task<SceneEditResult> ApplyAsync(IReadOnlyList<SceneEdit> edits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var result = await ApplyOnlyAsync(edits, cancellationToken);
        _done.Add(new UndoableBatch(edits, result.Inverse));
        _undone.Clear();
        Changed?.Invoke();
        return result;
    }

    public async Task UndoAsync(CancellationToken cancellationToken)
    {
        if (_done.Count == 0)
        {
            return;
        }

        var batch = _done[^1];
        await ApplyOnlyAsync(batch.Inverse, cancellationToken);
        _done.RemoveAt(_done.Count - 1);
        _undone.Add(batch);
        Changed?.Invoke();
    }

    public async Task RedoAsync(CancellationToken cancellationToken)
    {
        if (_undone.Count == 0)
        {
            return;
        }

        var batch = _undone[^1];
        var result = await ApplyOnlyAsync(batch.Edits, cancellationToken);
        _undone.RemoveAt(_undone.Count - 1);
        _done.Add(batch with { Inverse = result.Inverse });
        Changed?.Invoke();
    }

    /// <summary>Stores the draft as a new version of its scene; the draft goes on from that version with no history.</summary>
    public async Task<SceneRecord> SaveAsync(CancellationToken cancellationToken)
    {
        if (!IsDirty)
        {
            return Base;
        }

        var (record, _) = await _store.AddAsync(Document, Base.OriginalFileName, cancellationToken);
        Base = record;
        Saved = Document;
        _done.Clear();
        _undone.Clear();
        Changed?.Invoke();
        return record;
    }

    private async Task<SceneEditResult> ApplyOnlyAsync(IReadOnlyList<SceneEdit> edits, CancellationToken cancellationToken)
    {
        var result = SceneEditor.Apply(Document, edits, _store.ReadOptions);
        var scene = await _store.ResolveMeshesAsync(result.Scene, cancellationToken);
        (Document, Scene) = (result.Document, scene);
        return result;
    }

    private sealed record UndoableBatch(IReadOnlyList<SceneEdit> Edits, IReadOnlyList<SceneEdit> Inverse);

    private sealed record DraftHistory(IReadOnlyList<IReadOnlyList<SceneEdit>> Done, IReadOnlyList<IReadOnlyList<SceneEdit>> Undone);
}
