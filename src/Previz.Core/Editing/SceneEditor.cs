using System.Text.Json;
using System.Text.Json.Nodes;
using Previz.Core.Loading;

namespace Previz.Core.Editing;

/// <summary>
/// Applies a batch of <see cref="SceneEdit"/>s to a <c>.previz.json</c> document: all of them or, when one is refused or
/// would leave the scene with an error, none. The document is checked by <see cref="SceneReader"/> after every edit, so
/// a refusal names the operation and the field at fault.
/// </summary>
public static class SceneEditor
{
    /// <exception cref="SceneValidationException">The document itself does not read.</exception>
    /// <exception cref="SceneEditException">An edit was refused; nothing was applied.</exception>
    public static SceneEditResult Apply(ReadOnlySpan<byte> document, IReadOnlyList<SceneEdit> edits, SceneReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(edits);
        var read = SceneReader.Read(document, options);
        var root = JsonNode.Parse(document, documentOptions: SceneEditJson.DocumentOptions)!.AsObject();
        var scene = new EditableScene(root);
        var inverse = new List<SceneEdit>(edits.Count);
        for (var i = 0; i < edits.Count; i++)
        {
            var edit = edits[i] ?? throw new SceneEditException(i, $"operations[{i}]", "is not an operation");
            try
            {
                inverse.Add(edit.Apply(scene));
            }
            catch (EditRefusedException refused)
            {
                throw new SceneEditException(i, $"operations[{i}].{refused.Field}", refused.Message);
            }
            catch (InvalidOperationException wrongShape)
            {
                // A field of the document that is not the JSON type the edit expects (say, an animation that is an array).
                throw new SceneEditException(i, $"operations[{i}]", $"the document's JSON is not shaped as the scene format says: {wrongShape.Message}");
            }

            read = Check(scene, i, options);
        }

        inverse.Reverse();
        return new SceneEditResult(Write(root), read.Scene, inverse, read.Warnings);
    }

    private static SceneReadResult Check(EditableScene scene, int index, SceneReadOptions? options)
    {
        try
        {
            return SceneReader.Read(Write(scene.Root), options);
        }
        catch (SceneValidationException invalid)
        {
            var first = invalid.Errors.FirstOrDefault() ?? new SceneProblem("$", invalid.Message);
            throw new SceneEditException(index, first.Path, first.Message, invalid.Problems);
        }
    }

    private static byte[] Write(JsonObject root) => JsonSerializer.SerializeToUtf8Bytes(root, SceneEditJson.DocumentWriteOptions);
}
