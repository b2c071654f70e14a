using System.Globalization;
using System.Text.Json;

namespace Previz.Import.Validation;

/// <summary>
/// Checks a glTF JSON document before it is loaded, so that a broken or unsupported file fails with one readable
/// message (and never with an index error, a hang or a huge allocation deep in a parser): the JSON parses, the
/// required extensions are ones Previz reads, every index points at something, every buffer view lies inside its
/// buffer and every accessor inside its buffer view, the node hierarchy is a forest, and cameras are perspective.
/// </summary>
internal static class GltfDocumentChecks
{
    /// <summary>
    /// Required extensions Previz can honour: they change only materials, textures or lights, which Previz reads as a
    /// base colour at most, or (KHR_mesh_quantization) allow integer vertex formats that the reader decodes.
    /// </summary>
    private static readonly HashSet<string> SupportedRequired = new(StringComparer.Ordinal)
    {
        "KHR_mesh_quantization",
        "KHR_texture_transform",
        "KHR_materials_unlit",
        "KHR_materials_emissive_strength",
        "KHR_materials_ior",
        "KHR_materials_specular",
        "KHR_materials_transmission",
        "KHR_materials_volume",
        "KHR_materials_clearcoat",
        "KHR_materials_sheen",
        "KHR_materials_iridescence",
        "KHR_materials_anisotropy",
        "KHR_materials_dispersion",
        "KHR_materials_pbrSpecularGlossiness",
        "KHR_lights_punctual",
    };

    /// <summary>Checks the document and returns its animations' layout (which SharpGLTF keeps internal).</summary>
    public static IReadOnlyList<AnimationLayout> Check(ReadOnlyMemory<byte> json, long? glbBinLength, string fileName, Func<string, long?>? externalLength = null)
    {
        using var doc = Parse(json, fileName);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail(fileName, "the glTF JSON is not an object.");
        }

        var version = root.TryGetProperty("asset", out var asset) && asset.ValueKind == JsonValueKind.Object
            && asset.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (version is null)
        {
            throw Fail(fileName, "asset.version is missing: this is not a glTF 2.0 file.");
        }

        if (!version.StartsWith("2.", StringComparison.Ordinal))
        {
            throw Fail(fileName, $"glTF version {version} is not supported; Previz reads glTF 2.0.");
        }

        CheckExtensions(root, fileName);
        var buffers = Array(root, "buffers", fileName);
        var bufferViews = Array(root, "bufferViews", fileName);
        var accessors = Array(root, "accessors", fileName);
        var meshes = Array(root, "meshes", fileName);
        var nodes = Array(root, "nodes", fileName);
        var cameras = Array(root, "cameras", fileName);

        var bufferLengths = new long[buffers.Count];
        for (var i = 0; i < buffers.Count; i++)
        {
            var b = buffers[i];
            var where = $"buffers[{i}]";
            bufferLengths[i] = Int(b, "byteLength", where, fileName, required: true, min: 0);
            var uri = b.TryGetProperty("uri", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            if (uri is null)
            {
                if (i != 0 || glbBinLength is null)
                {
                    throw Fail(fileName, $"{where} has no uri and is not the GLB's binary chunk.");
                }

                if (bufferLengths[i] > glbBinLength.Value)
                {
                    throw Fail(fileName, $"{where} declares {bufferLengths[i]} bytes but the GLB's binary chunk holds only {glbBinLength.Value}: the file is truncated or corrupt.");
                }
            }
            else
            {
                CheckUri(uri, where, fileName);
                if (externalLength is not null && !uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    var relative = Uri.UnescapeDataString(uri);
                    var length = externalLength(relative)
                        ?? throw Fail(fileName, $"a file it refers to is missing: {relative}.");
                    if (length < bufferLengths[i])
                    {
                        throw Fail(fileName, $"{where} (\"{relative}\") should hold {bufferLengths[i]} bytes but the file has only {length}: it is truncated.");
                    }
                }
            }
        }

        var viewLengths = new long[bufferViews.Count];
        var viewStrides = new long[bufferViews.Count];
        for (var i = 0; i < bufferViews.Count; i++)
        {
            var bv = bufferViews[i];
            var where = $"bufferViews[{i}]";
            var buffer = Index(bv, "buffer", buffers.Count, where, "buffers", fileName, required: true);
            var offset = Int(bv, "byteOffset", where, fileName, min: 0);
            var length = Int(bv, "byteLength", where, fileName, required: true, min: 1);
            viewStrides[i] = Int(bv, "byteStride", where, fileName, min: 4, max: 252);
            if (offset + length > bufferLengths[buffer])
            {
                throw Fail(fileName, $"{where} spans bytes {offset}..{offset + length} but buffers[{buffer}] holds only {bufferLengths[buffer]}: the buffer view is out of range.");
            }

            viewLengths[i] = length;
        }

        for (var i = 0; i < accessors.Count; i++)
        {
            CheckAccessor(accessors[i], $"accessors[{i}]", viewLengths, viewStrides, fileName);
        }

        for (var m = 0; m < meshes.Count; m++)
        {
            var primitives = Array(meshes[m], "primitives", fileName, $"meshes[{m}]");
            for (var p = 0; p < primitives.Count; p++)
            {
                var prim = primitives[p];
                var where = $"meshes[{m}].primitives[{p}]";
                Index(prim, "indices", accessors.Count, where, "accessors", fileName);
                Index(prim, "material", Array(root, "materials", fileName).Count, where, "materials", fileName);
                if (prim.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object)
                {
                    foreach (var attribute in attributes.EnumerateObject())
                    {
                        Index(attributes, attribute.Name, accessors.Count, $"{where}.attributes", "accessors", fileName);
                    }
                }

                var targets = Array(prim, "targets", fileName, where);
                for (var t = 0; t < targets.Count; t++)
                {
                    if (targets[t].ValueKind == JsonValueKind.Object)
                    {
                        foreach (var attribute in targets[t].EnumerateObject())
                        {
                            Index(targets[t], attribute.Name, accessors.Count, $"{where}.targets[{t}]", "accessors", fileName);
                        }
                    }
                }
            }
        }

        var skins = Array(root, "skins", fileName);
        for (var k = 0; k < skins.Count; k++)
        {
            var where = $"skins[{k}]";
            Index(skins[k], "inverseBindMatrices", accessors.Count, where, "accessors", fileName);
            Index(skins[k], "skeleton", nodes.Count, where, "nodes", fileName);
            foreach (var joint in Array(skins[k], "joints", fileName, where, ofObjects: false))
            {
                IndexValue(joint, nodes.Count, $"{where}.joints", "nodes", fileName);
            }
        }

        for (var i = 0; i < nodes.Count; i++)
        {
            Index(nodes[i], "skin", skins.Count, $"nodes[{i}]", "skins", fileName);
        }

        CheckNodes(root, nodes, meshes.Count, cameras, fileName);
        CheckSkinJointsInScene(root, nodes, skins, fileName);
        return CheckAnimations(root, accessors.Count, nodes.Count, fileName);
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> json, string fileName)
    {
        if (!System.Text.Unicode.Utf8.IsValid(json.Span))
        {
            throw Fail(fileName, "the glTF JSON is not valid UTF-8 text: the file is corrupt or not glTF.");
        }

        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {e.BytePositionInLine + 1}")
                : string.Empty;
            throw new GltfImportException(fileName, $"the glTF JSON does not parse{where}: it is corrupt or not glTF.", e);
        }

        if (FirstNotText(doc.RootElement, "$") is { } path)
        {
            doc.Dispose();
            throw Fail(fileName, $"the glTF JSON has a string that is not text at {path} (an escaped surrogate without its pair).");
        }

        return doc;
    }

    /// <summary>
    /// The path of the first string or property name that cannot be read as text: valid UTF-8 may still escape half a
    /// surrogate pair (<c>\uD800</c>), which JsonDocument accepts and every reader of the string (ours, SharpGLTF's) then throws on.
    /// </summary>
    private static string? FirstNotText(JsonElement element, string path)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return null;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (FirstNotText(item, $"{path}[{index++}]") is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        string name;
                        try
                        {
                            name = property.Name;
                        }
                        catch (InvalidOperationException)
                        {
                            return path;
                        }

                        if (FirstNotText(property.Value, $"{path}.{name}") is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }
        catch (InvalidOperationException)
        {
            return path;
        }
    }

    private static void CheckExtensions(JsonElement root, string fileName)
    {
        if (!root.TryGetProperty("extensionsRequired", out var required) || required.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var e in required.EnumerateArray())
        {
            var name = e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.ToString();
            if (SupportedRequired.Contains(name))
            {
                continue;
            }

            var hint = name switch
            {
                "KHR_draco_mesh_compression" or "EXT_meshopt_compression" or "KHR_meshopt_compression"
                    => " Its meshes are compressed; export again with mesh compression turned off.",
                _ => " Export again without it.",
            };
            throw Fail(fileName, $"the file requires the glTF extension {name}, which Previz does not support.{hint}");
        }
    }

    private static void CheckUri(string uri, string where, string fileName)
    {
        if (uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var path = Uri.UnescapeDataString(uri).Replace('\\', '/');
        if (path.Contains("://", StringComparison.Ordinal) || Path.IsPathRooted(path) || path.StartsWith('/'))
        {
            throw Fail(fileName, $"{where} points at \"{uri}\": only files beside the glTF file (relative paths) are read.");
        }

        var depth = 0;
        foreach (var part in path.Split('/'))
        {
            depth += part switch { ".." => -1, "." or "" => 0, _ => 1 };
            if (depth < 0)
            {
                throw Fail(fileName, $"{where} points at \"{uri}\", outside the glTF file's folder.");
            }
        }
    }

    private static void CheckAccessor(JsonElement a, string where, long[] viewLengths, long[] viewStrides, string fileName)
    {
        var componentType = Int(a, "componentType", where, fileName, required: true);
        var componentSize = componentType switch
        {
            5120 or 5121 => 1,
            5122 or 5123 => 2,
            5125 or 5126 => 4,
            _ => throw Fail(fileName, $"{where}.componentType {componentType} is not a glTF component type."),
        };
        var type = a.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var components = type switch
        {
            "SCALAR" => 1,
            "VEC2" => 2,
            "VEC3" => 3,
            "VEC4" or "MAT2" => 4,
            "MAT3" => 9,
            "MAT4" => 16,
            _ => throw Fail(fileName, $"{where}.type \"{type}\" is not a glTF accessor type."),
        };
        var count = Int(a, "count", where, fileName, required: true, min: 1);
        // SharpGLTF fails on any other value with an exception that names neither the file nor the field.
        if (a.TryGetProperty("normalized", out var normalized) && normalized.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw Fail(fileName, $"{where}.normalized must be true or false, not a {normalized.ValueKind.ToString().ToLowerInvariant()}.");
        }

        var view = Index(a, "bufferView", viewLengths.Length, where, "bufferViews", fileName, required: false);
        if (view >= 0)
        {
            var offset = Int(a, "byteOffset", where, fileName, min: 0);
            var element = (long)componentSize * components;
            var stride = viewStrides[view] > 0 ? viewStrides[view] : element;
            var needed = offset + (stride * (count - 1)) + element;
            if (needed > viewLengths[view])
            {
                throw Fail(fileName, $"{where} says it holds {count} items ({needed} bytes) but bufferViews[{view}] has only {viewLengths[view]} bytes: the accessor's count does not match its data.");
            }
        }

        if (a.TryGetProperty("sparse", out var sparse) && sparse.ValueKind == JsonValueKind.Object)
        {
            var sparseCount = Int(sparse, "count", where + ".sparse", fileName, required: true, min: 1);
            if (sparseCount > count)
            {
                throw Fail(fileName, $"{where}.sparse replaces {sparseCount} items of an accessor that has only {count}.");
            }

            foreach (var part in new[] { "indices", "values" })
            {
                if (sparse.TryGetProperty(part, out var p) && p.ValueKind == JsonValueKind.Object)
                {
                    Index(p, "bufferView", viewLengths.Length, $"{where}.sparse.{part}", "bufferViews", fileName, required: true);
                }
            }
        }
    }

    /// <summary>Every skin joint hangs in the scene that is shown (the tree is a forest by now): nothing else places it.</summary>
    private static void CheckSkinJointsInScene(JsonElement root, List<JsonElement> nodes, List<JsonElement> skins, string fileName)
    {
        if (skins.Count == 0)
        {
            return;
        }

        var scenes = Array(root, "scenes", fileName);
        var shown = root.TryGetProperty("scene", out var sc) && sc.ValueKind == JsonValueKind.Number && sc.TryGetInt32(out var si) && si >= 0 && si < scenes.Count ? si : 0;
        var inScene = new bool[nodes.Count];
        var stack = new Stack<int>();
        if (scenes.Count == 0)
        {
            // No scene: every root is shown (as the importer does).
            for (var i = 0; i < nodes.Count; i++)
            {
                stack.Push(i);
            }
        }
        else
        {
            foreach (var r in Array(scenes[shown], "nodes", fileName, $"scenes[{shown}]", ofObjects: false))
            {
                stack.Push(IndexValue(r, nodes.Count, $"scenes[{shown}].nodes", "nodes", fileName));
            }
        }

        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (inScene[n])
            {
                continue;
            }

            inScene[n] = true;
            foreach (var child in Array(nodes[n], "children", fileName, $"nodes[{n}]", ofObjects: false))
            {
                stack.Push(IndexValue(child, nodes.Count, $"nodes[{n}].children", "nodes", fileName));
            }
        }

        for (var k = 0; k < skins.Count; k++)
        {
            var joints = Array(skins[k], "joints", fileName, $"skins[{k}]", ofObjects: false);
            for (var j = 0; j < joints.Count; j++)
            {
                var node = IndexValue(joints[j], nodes.Count, $"skins[{k}].joints", "nodes", fileName);
                if (!inScene[node])
                {
                    var name = nodes[node].TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String ? $" \"{nm.GetString()}\"" : string.Empty;
                    throw Fail(fileName, $"skins[{k}] joint {j} (nodes[{node}]{name}) is not in the scene, so nothing places it: add it to the scene's node tree.");
                }
            }
        }
    }

    private static void CheckNodes(JsonElement root, List<JsonElement> nodes, int meshCount, List<JsonElement> cameras, string fileName)
    {
        var parent = new int[nodes.Count];
        System.Array.Fill(parent, -1);
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            var where = $"nodes[{i}]";
            Index(n, "mesh", meshCount, where, "meshes", fileName);
            var camera = Index(n, "camera", cameras.Count, where, "cameras", fileName);
            if (camera >= 0)
            {
                var cam = cameras[camera];
                var type = cam.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                if (type is not ("perspective" or "orthographic"))
                {
                    var name = cam.TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String ? $" \"{nm.GetString()}\"" : string.Empty;
                    throw Fail(fileName, $"camera{name} (cameras[{camera}]) has type \"{type}\"; glTF cameras are perspective or orthographic.");
                }

                if (type == "perspective")
                {
                    // Orthographic cameras are left out of the scene with a note (SceneAssembler), so only a perspective one must draw.
                    CheckPerspective(cam, camera, fileName);
                }
            }

            foreach (var child in Array(n, "children", fileName, where, ofObjects: false))
            {
                var c = IndexValue(child, nodes.Count, $"{where}.children", "nodes", fileName);
                if (parent[c] >= 0 || c == i)
                {
                    throw Fail(fileName, $"nodes[{c}] has more than one parent (nodes[{parent[c]}] and nodes[{i}]): the node hierarchy is not a tree.");
                }

                parent[c] = i;
            }
        }

        // A node that reaches itself walking up its parents is in a cycle.
        var state = new byte[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = i;
            var steps = 0;
            while (n >= 0 && state[n] == 0)
            {
                if (++steps > nodes.Count)
                {
                    throw Fail(fileName, $"nodes[{i}] is its own ancestor: the node hierarchy has a cycle.");
                }

                n = parent[n];
            }

            for (n = i; n >= 0 && state[n] == 0; n = parent[n])
            {
                state[n] = 1;
            }
        }

        var scenes = Array(root, "scenes", fileName);
        for (var s = 0; s < scenes.Count; s++)
        {
            foreach (var node in Array(scenes[s], "nodes", fileName, $"scenes[{s}]", ofObjects: false))
            {
                IndexValue(node, nodes.Count, $"scenes[{s}].nodes", "nodes", fileName);
            }
        }

        Index(root, "scene", scenes.Count, "the document", "scenes", fileName);
    }

    /// <summary>
    /// The perspective block a perspective camera must carry (glTF 2.0, "camera.perspective"): yfov in (0, π), znear
    /// above zero, zfar (when given, else infinite) beyond znear, aspectRatio (when given) above zero. SharpGLTF would
    /// load these, and a projection built from them divides by zero or looks backwards.
    /// </summary>
    private static void CheckPerspective(JsonElement camera, int index, string fileName)
    {
        var name = camera.TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String ? $" \"{nm.GetString()}\"" : string.Empty;
        var where = $"cameras[{index}].perspective";
        if (!camera.TryGetProperty("perspective", out var perspective) || perspective.ValueKind != JsonValueKind.Object)
        {
            throw Fail(fileName, $"camera{name} is a perspective camera without its perspective settings ({where} is missing); export it again.");
        }

        var yfov = Number(perspective, "yfov", where, fileName, required: true)!.Value;
        if (!(yfov > 0 && yfov < Math.PI))
        {
            throw Fail(fileName, $"camera{name}: {where}.yfov is {yfov.ToString(CultureInfo.InvariantCulture)} radians; it must lie between 0 and π.");
        }

        var near = Number(perspective, "znear", where, fileName, required: true)!.Value;
        if (!(near > 0))
        {
            throw Fail(fileName, $"camera{name}: {where}.znear is {near.ToString(CultureInfo.InvariantCulture)}; the near clipping distance must be greater than 0.");
        }

        if (Number(perspective, "zfar", where, fileName) is { } far && !(far > near))
        {
            throw Fail(fileName, $"camera{name}: {where}.zfar ({far.ToString(CultureInfo.InvariantCulture)}) must be greater than znear ({near.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (Number(perspective, "aspectRatio", where, fileName) is { } aspect && !(aspect > 0))
        {
            throw Fail(fileName, $"camera{name}: {where}.aspectRatio is {aspect.ToString(CultureInfo.InvariantCulture)}; it must be greater than 0.");
        }
    }

    private static List<AnimationLayout> CheckAnimations(JsonElement root, int accessorCount, int nodeCount, string fileName)
    {
        var animations = Array(root, "animations", fileName);
        var layouts = new List<AnimationLayout>(animations.Count);
        for (var a = 0; a < animations.Count; a++)
        {
            var where = $"animations[{a}]";
            var samplers = Array(animations[a], "samplers", fileName, where);
            var samplerLayouts = new List<SamplerLayout>(samplers.Count);
            for (var s = 0; s < samplers.Count; s++)
            {
                var input = Index(samplers[s], "input", accessorCount, $"{where}.samplers[{s}]", "accessors", fileName, required: true);
                var output = Index(samplers[s], "output", accessorCount, $"{where}.samplers[{s}]", "accessors", fileName, required: true);
                var interpolation = samplers[s].TryGetProperty("interpolation", out var i) && i.ValueKind == JsonValueKind.String
                    ? i.GetString() ?? "LINEAR"
                    : "LINEAR";
                if (interpolation is not ("LINEAR" or "STEP" or "CUBICSPLINE"))
                {
                    throw Fail(fileName, $"{where}.samplers[{s}].interpolation \"{interpolation}\" is not LINEAR, STEP or CUBICSPLINE.");
                }

                samplerLayouts.Add(new SamplerLayout(input, output, interpolation));
            }

            var channels = Array(animations[a], "channels", fileName, where);
            var channelLayouts = new List<ChannelLayout>(channels.Count);
            for (var c = 0; c < channels.Count; c++)
            {
                var sampler = Index(channels[c], "sampler", samplers.Count, $"{where}.channels[{c}]", "samplers", fileName, required: true);
                var node = -1;
                string? path = null;
                if (channels[c].TryGetProperty("target", out var target) && target.ValueKind == JsonValueKind.Object)
                {
                    node = Index(target, "node", nodeCount, $"{where}.channels[{c}].target", "nodes", fileName);
                    path = target.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                }

                channelLayouts.Add(new ChannelLayout(sampler, node, path));
            }

            var name = animations[a].TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            layouts.Add(new AnimationLayout(a, name, samplerLayouts, channelLayouts));
        }

        return layouts;
    }

    /// <summary>
    /// The array <paramref name="name"/> of <paramref name="owner"/> (empty when absent), whose items must be objects
    /// unless <paramref name="ofObjects"/> is false: every other check reads their fields.
    /// </summary>
    private static List<JsonElement> Array(JsonElement owner, string name, string fileName, string? where = null, bool ofObjects = true)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return [];
        }

        var path = where is null ? name : where + "." + name;
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Fail(fileName, $"{path} is not an array.");
        }

        List<JsonElement> items = [.. value.EnumerateArray()];
        for (var i = 0; ofObjects && i < items.Count; i++)
        {
            if (items[i].ValueKind != JsonValueKind.Object)
            {
                throw Fail(fileName, $"{path}[{i}] is not an object.");
            }
        }

        return items;
    }

    private static long Int(JsonElement owner, string name, string where, string fileName, bool required = false, long min = long.MinValue, long max = int.MaxValue)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return required ? throw Fail(fileName, $"{where}.{name} is missing.") : 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var n))
        {
            throw Fail(fileName, $"{where}.{name} is not a whole number.");
        }

        if (n < min || n > max)
        {
            throw Fail(fileName, $"{where}.{name} is {n}, outside {(min == long.MinValue ? "the allowed range" : $"{min}..{max}")}.");
        }

        return n;
    }

    /// <summary>A finite number, or null when absent and not required.</summary>
    private static double? Number(JsonElement owner, string name, string where, string fileName, bool required = false)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return required ? throw Fail(fileName, $"{where}.{name} is missing.") : null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var n) || !double.IsFinite(n))
        {
            throw Fail(fileName, $"{where}.{name} is not a number.");
        }

        return n;
    }

    private static int Index(JsonElement owner, string name, int count, string where, string what, string fileName, bool required = false)
    {
        if (!owner.TryGetProperty(name, out var value))
        {
            return required ? throw Fail(fileName, $"{where}.{name} is missing.") : -1;
        }

        return IndexValue(value, count, $"{where}.{name}", what, fileName);
    }

    private static int IndexValue(JsonElement value, int count, string where, string what, string fileName)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var i) || i < 0 || i >= count)
        {
            throw Fail(fileName, $"{where} refers to {what}[{value}] but the file has {count} {what}.");
        }

        return i;
    }

    private static GltfImportException Fail(string fileName, string problem) => new(fileName, problem);
}
