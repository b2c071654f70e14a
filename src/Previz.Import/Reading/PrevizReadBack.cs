using System.Text.Json.Nodes;
using Previz.Core.Animation;
using Previz.Core.Geometry;
using Previz.Core.Loading;
using Previz.Core.Scenes;
using Previz.Import.Writing;
using SharpGLTF.Schema2;
using PrevizMesh = Previz.Core.Geometry.Mesh;

namespace Previz.Import.Reading;

/// <summary>
/// Recognises a GLB that Previz exported (its glTF scene's <c>extras.previz</c> holds the whole scene document) and
/// restores that scene exactly: ids, kinds and sizes, lenses, aim targets, every key with its interpolation, shots,
/// environment. Mesh objects take their triangles from the node that names them in <c>extras.previzId</c>; tracks the
/// document could not hold (CUBICSPLINE keys of an imported file) come from the file's own channels.
/// </summary>
internal static class PrevizReadBack
{
    /// <summary>The restored import, or null when the file carries no Previz scene (any other glTF).</summary>
    public static GltfImport? Restore(ModelRoot model, GltfImport generic, Dictionary<int, NodeTracks> tracks, string fileName)
    {
        var gltfScene = model.DefaultScene ?? (model.LogicalScenes.Count > 0 ? model.LogicalScenes[0] : null);
        if (gltfScene?.Extras is not JsonObject extras || extras["previz"] is not JsonObject document)
        {
            return null;
        }

        SceneDocument scene;
        try
        {
            scene = SceneReader.Read(document.ToJsonString(), new SceneReadOptions { SourceName = fileName }).Scene;
        }
        catch (SceneValidationException e)
        {
            var problems = string.Join("; ", e.Errors.Take(5).Select(p => p.ToString()));
            throw new GltfImportException(fileName, $"its Previz scene (the glTF scene's extras.previz) is not valid: {problems}", e);
        }

        var objectNodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        var cameraNodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var node in model.LogicalNodes)
        {
            if (IdIn(node, "previzId") is { } objectId)
            {
                objectNodes.TryAdd(objectId, node);
            }
            else if (IdIn(node, "previzCamera") is { } cameraId)
            {
                cameraNodes.TryAdd(cameraId, node);
            }
        }

        var meshOfNode = generic.Nodes.Where(n => n.Id is not null && n.Kind == GltfNodeKind.Mesh)
            .ToDictionary(n => n.Index, n => generic.Scene.FindObject(n.Id!)?.Mesh);
        var objects = scene.Objects.Select(o =>
        {
            var node = objectNodes.GetValueOrDefault(o.Id);
            if (o.Shape == ShapeKind.Mesh)
            {
                // The triangles live in the file now, not in the file the document named.
                var mesh = node is not null && meshOfNode.TryGetValue(node.LogicalIndex, out var m) ? m : null;
                o = o with { MeshPath = null, Mesh = mesh ?? new PrevizMesh([], []) };
            }

            return node is null ? o : o with { Animation = WithFileKeys(o.Animation, node, tracks) };
        }).ToList();
        var cameras = scene.Cameras.Select(c => cameraNodes.GetValueOrDefault(c.Id) is { } node
            ? c with { Animation = c.Animation with { Transform = WithFileKeys(c.Animation.Transform, node, tracks) } }
            : c).ToList();
        return new GltfImport(scene with { Objects = objects, Cameras = cameras }, generic.Nodes, generic.Animations);
    }

    private static string? IdIn(Node node, string key) =>
        node.Extras is JsonObject extras && extras[key] is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;

    /// <summary>The animation with the tracks the node lists in <c>previzKeysInFile</c> taken from the file's channels.</summary>
    private static TransformAnimation WithFileKeys(TransformAnimation animation, Node node, Dictionary<int, NodeTracks> tracks)
    {
        if (node.Extras is not JsonObject extras || extras["previzKeysInFile"] is not JsonArray paths || !tracks.TryGetValue(node.LogicalIndex, out var file))
        {
            return animation;
        }

        var fromFile = file.ToAnimation();
        foreach (var path in paths.Select(p => p?.GetValueKind() == System.Text.Json.JsonValueKind.String ? p.GetValue<string>() : null))
        {
            animation = path switch
            {
                "translation" => animation with { Position = fromFile.Position },
                "rotation" => animation with { Rotation = fromFile.Rotation },
                "scale" => animation with { Scale = fromFile.Scale },
                _ => animation,
            };
        }

        return animation;
    }
}
