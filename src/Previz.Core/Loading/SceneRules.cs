using Previz.Core.Scenes;

namespace Previz.Core.Loading;

/// <summary>Checks that span the document: ids unique and resolvable, parents without cycles, files present, clips known.</summary>
internal static class SceneRules
{
    public static void Check(SceneDocument scene, ProblemCollector problems, SceneReadOptions options)
    {
        var objectIndex = UniqueIds(scene.Objects.Select(o => o.Id).ToList(), "objects", problems);
        UniqueIds(scene.Cameras.Select(c => c.Id).ToList(), "cameras", problems);
        UniqueIds(scene.Shots.Select(s => s.Id).ToList(), "shots", problems);

        for (var i = 0; i < scene.Objects.Count; i++)
        {
            var obj = scene.Objects[i];
            var path = $"$.objects[{i}]";
            if (obj.ParentId is { } parent)
            {
                if (parent == obj.Id)
                {
                    problems.Error($"{path}.parent", "an object cannot be its own parent");
                }
                else if (!objectIndex.ContainsKey(parent))
                {
                    problems.Error($"{path}.parent", $"no object with id \"{JsonFields.Clip(parent)}\"");
                }
            }

            for (var r = 0; r < obj.References.Count; r++)
            {
                CheckFile(obj.References[r].Path, $"{path}.references[{r}].path", problems, options);
            }

            if (obj.MeshPath is { } mesh)
            {
                CheckFile(mesh, $"{path}.mesh", problems, options);
                if (obj.Action is { } action && ScenePaths.Check(mesh) is null && options.MeshClips?.Invoke(mesh) is { } clips
                    && !clips.Any(c => string.Equals(c, action.Clip, StringComparison.OrdinalIgnoreCase)))
                {
                    // Rig.FindClip matches names ignoring case too, so the same names are accepted here.
                    problems.Error($"{path}.action.clip", Characters.ClipAction.UnknownClip(mesh, action.Clip, clips));
                }
            }
        }

        CheckCycles(scene, objectIndex, problems);

        var cameraIds = scene.Cameras.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < scene.Cameras.Count; i++)
        {
            var camera = scene.Cameras[i];
            var path = $"$.cameras[{i}]";
            if (camera.AimTargetId is { } aim && !objectIndex.ContainsKey(aim))
            {
                problems.Error($"{path}.aimTarget", $"no object with id \"{JsonFields.Clip(aim)}\"");
            }

            if (camera.ParentId is { } parent && !objectIndex.ContainsKey(parent))
            {
                problems.Error($"{path}.parent", $"no object with id \"{JsonFields.Clip(parent)}\"");
            }

            var keys = camera.Animation.Aim.Keys;
            for (var k = 0; k < keys.Count; k++)
            {
                if (keys[k].TargetId is { } target && !objectIndex.ContainsKey(target))
                {
                    problems.Error($"{path}.animation.aimTarget[{k}].value", $"no object with id \"{JsonFields.Clip(target)}\"");
                }
            }
        }

        for (var i = 0; i < scene.Shots.Count; i++)
        {
            var shot = scene.Shots[i];
            if (shot.CameraId.Length > 0 && !cameraIds.Contains(shot.CameraId))
            {
                var known = cameraIds.Count == 0 ? "the scene has no cameras" : $"cameras are {string.Join(", ", cameraIds.Select(c => $"\"{c}\""))}";
                problems.Error($"$.shots[{i}].cameraId", $"no camera with id \"{JsonFields.Clip(shot.CameraId)}\" ({known})");
            }
        }

        if (scene.Shots.Count == 0)
        {
            problems.Warning("$.shots", "the scene has no shots, so there is nothing to render");
        }
    }

    private static Dictionary<string, int> UniqueIds(List<string> ids, string list, ProblemCollector problems)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            if (string.IsNullOrEmpty(ids[i]))
            {
                continue;
            }

            if (!seen.TryAdd(ids[i], i))
            {
                problems.Error($"$.{list}[{i}].id", $"duplicate id \"{JsonFields.Clip(ids[i])}\" (first used by $.{list}[{seen[ids[i]]}])");
            }
        }

        return seen;
    }

    private static void CheckCycles(SceneDocument scene, Dictionary<string, int> index, ProblemCollector problems)
    {
        for (var i = 0; i < scene.Objects.Count; i++)
        {
            var visited = new HashSet<int> { i };
            var current = scene.Objects[i].ParentId;
            while (current is not null && index.TryGetValue(current, out var p))
            {
                if (!visited.Add(p))
                {
                    if (p == i)
                    {
                        problems.Error($"$.objects[{i}].parent", $"parent chain of \"{JsonFields.Clip(scene.Objects[i].Id)}\" loops back to itself");
                    }

                    break;
                }

                current = scene.Objects[p].ParentId;
            }
        }
    }

    private static void CheckFile(string file, string path, ProblemCollector problems, SceneReadOptions options)
    {
        if (options.RelativeFileExists is { } exists && ScenePaths.Check(file) is null && !exists(file))
        {
            problems.Error(path, $"file \"{JsonFields.Clip(file)}\" not found next to the scene");
        }
    }
}
