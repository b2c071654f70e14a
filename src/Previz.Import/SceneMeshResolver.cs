using System.Numerics;
using Previz.Core.Characters;
using Previz.Core.Geometry;
using Previz.Core.Loading;
using Previz.Core.Scenes;

namespace Previz.Import;

/// <summary>
/// Loads the glTF files a <c>.previz.json</c> scene names as meshes (<c>"mesh": "assets/car.glb"</c>), relative to the
/// scene file and never outside its folder. Each file's mesh nodes are flattened at rest into one mesh in the file's
/// space; the object keeps the scene's transform, animation and colour (the file's colour is used when the scene
/// leaves the default grey). A file with clips, skins or morph targets keeps them (see <see cref="RiggedFlattening"/>),
/// so the object's <c>action</c> plays one of its clips; an action naming a clip the file lacks is an error that lists them.
/// </summary>
public static class SceneMeshResolver
{
    private static readonly ColorRgb DefaultColor = new SceneObject { Id = "default" }.Color;

    /// <summary>The scene with every mesh object's <see cref="SceneObject.Mesh"/> filled in.</summary>
    /// <param name="scene">A scene read by <see cref="SceneReader"/>.</param>
    /// <param name="sceneDirectory">The folder of the scene file; mesh paths are relative to it.</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <exception cref="SceneValidationException">A mesh path is outside the folder, missing or not a usable glTF.</exception>
    public static async Task<SceneDocument> ResolveAsync(SceneDocument scene, string sceneDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentException.ThrowIfNullOrEmpty(sceneDirectory);
        var root = Path.GetFullPath(sceneDirectory);
        var loaded = new Dictionary<string, (Mesh Mesh, ColorRgb? Color)>(StringComparer.Ordinal);
        var clipsOf = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var problems = new List<SceneProblem>();
        var objects = new List<SceneObject>(scene.Objects.Count);
        for (var i = 0; i < scene.Objects.Count; i++)
        {
            var obj = scene.Objects[i];
            if (obj.Shape != ShapeKind.Mesh || obj.MeshPath is not { } meshPath || obj.Mesh is not null)
            {
                objects.Add(obj);
                continue;
            }

            var where = $"$.objects[{i}].mesh";
            var full = Path.GetFullPath(Path.Combine(root, meshPath));
            if (ScenePaths.Check(meshPath) is { } pathProblem)
            {
                problems.Add(new SceneProblem(where, pathProblem));
            }
            else if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                problems.Add(new SceneProblem(where, $"\"{meshPath}\" points outside the scene's folder"));
            }
            else if (!GltfImporter.IsGltfPath(meshPath))
            {
                problems.Add(new SceneProblem(where, $"\"{meshPath}\" is not a .glb or .gltf file"));
            }
            else
            {
                try
                {
                    if (!loaded.TryGetValue(full, out var mesh))
                    {
                        var import = await GltfImporter.LoadAsync(full, cancellationToken).ConfigureAwait(false);
                        mesh = Flatten(import.Scene);
                        if (import.Rig is { } rig && mesh.Mesh.TriangleCount > 0)
                        {
                            mesh.Mesh = RiggedFlattening.Flatten(import, rig);
                        }

                        loaded[full] = mesh;
                        clipsOf[full] = import.Rig?.Clips.Select(c => c.Name).ToList() ?? [];
                    }

                    if (obj.Action is { } action && mesh.Mesh.Deformation?.Rig.FindClip(action.Clip) is null)
                    {
                        problems.Add(new SceneProblem($"$.objects[{i}].action.clip", ClipAction.UnknownClip(meshPath, action.Clip, clipsOf[full])));
                    }

                    obj = obj with
                    {
                        Mesh = mesh.Mesh,
                        Color = obj.Color == DefaultColor && mesh.Color is { } c ? c : obj.Color,
                    };
                }
                catch (GltfImportException e)
                {
                    problems.Add(new SceneProblem(where, $"\"{meshPath}\": {e.Problem ?? e.Message}"));
                }
            }

            objects.Add(obj);
        }

        if (problems.Count > 0)
        {
            throw new SceneValidationException(problems, scene.Name);
        }

        return scene with { Objects = objects };
    }

    /// <summary>The one mesh a scene object naming this imported file is drawn with (what <see cref="ResolveAsync"/> loads).</summary>
    public static Mesh MeshOf(GltfImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        return Flatten(import.Scene).Mesh;
    }

    /// <summary>Every object's mesh at its rest pose in the file's space, as one mesh, with the colour of the largest part.</summary>
    internal static (Mesh Mesh, ColorRgb? Color) Flatten(SceneDocument imported)
    {
        var byId = imported.Objects.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var positions = new List<Vector3>();
        var indices = new List<int>();
        ColorRgb? colour = null;
        var most = 0;
        foreach (var obj in imported.Objects)
        {
            // A GLB Previz exported comes back with its primitives as primitives: take the triangles they draw.
            if (ObjectMeshes.Of(obj) is not { TriangleCount: > 0 } mesh)
            {
                continue;
            }

            var world = obj.Transform.ToMatrix();
            var guard = 0;
            for (var p = obj.ParentId; p is not null && byId.TryGetValue(p, out var parent) && guard++ < byId.Count; p = parent.ParentId)
            {
                world *= parent.Transform.ToMatrix();
            }

            var offset = positions.Count;
            foreach (var v in mesh.Positions)
            {
                positions.Add(Vector3.Transform(v, world));
            }

            // A mirroring transform turns counter-clockwise triangles clockwise: swap two corners back.
            var mirrored = world.GetDeterminant() < 0;
            for (var t = 0; t < mesh.Indices.Length; t += 3)
            {
                indices.Add(mesh.Indices[t] + offset);
                indices.Add(mesh.Indices[mirrored ? t + 2 : t + 1] + offset);
                indices.Add(mesh.Indices[mirrored ? t + 1 : t + 2] + offset);
            }

            if (mesh.TriangleCount > most)
            {
                most = mesh.TriangleCount;
                colour = obj.Color;
            }
        }

        return (new Mesh([.. positions], [.. indices]), colour);
    }
}
