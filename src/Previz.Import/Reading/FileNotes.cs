using SharpGLTF.Schema2;

namespace Previz.Import.Reading;

/// <summary>What Previz left out of a file or made up for it, one line each, for <c>scene info</c> and the CLI's warnings.</summary>
internal sealed class FileNotes
{
    /// <summary>Extensions whose content Previz does not use, with what happens instead.</summary>
    private static readonly Dictionary<string, string> IgnoredExtensions = new(StringComparer.Ordinal)
    {
        ["KHR_lights_punctual"] = "lights are left out: Direct Render lights every scene with its environment's sun and ambient",
        ["EXT_mesh_gpu_instancing"] = "GPU instances (EXT_mesh_gpu_instancing) are left out: each node is drawn once",
        ["KHR_texture_transform"] = "texture transforms do not matter: textures become their average colour",
        ["KHR_materials_emissive_strength"] = "emission is left out: materials give their base colour only",
    };

    private readonly List<string> _lines = [];
    private bool _textures;

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string line) => _lines.Add(line);

    public void Mesh(Mesh mesh, MeshData read)
    {
        var label = mesh.Name is { Length: > 0 } n ? $"mesh \"{n}\"" : $"meshes[{mesh.LogicalIndex}]";
        if (read.LeftOutPrimitives > 0)
        {
            _lines.Add($"{label}: {read.LeftOutPrimitives} point or line primitive{(read.LeftOutPrimitives == 1 ? " is" : "s are")} left out (Previz draws triangles).");
        }

        _textures |= mesh.Primitives.Any(p => p.Material?.FindChannel("BaseColor")?.Texture is not null);
    }

    public void Model(ModelRoot model, IReadOnlyList<GltfAnimationInfo> animations)
    {
        if (_textures)
        {
            _lines.Add("textures are drawn as their average colour (Previz draws one flat colour per material).");
        }

        foreach (var extension in model.ExtensionsUsed)
        {
            if (IgnoredExtensions.TryGetValue(extension, out var line))
            {
                _lines.Add(line + ".");
            }
        }

        var ignored = animations.Sum(a => a.IgnoredChannels);
        if (ignored > 0)
        {
            _lines.Add($"{ignored} animation channel{(ignored == 1 ? " is" : "s are")} left out: Previz plays translation, rotation, scale and morph weights (not KHR_animation_pointer).");
        }
    }
}
