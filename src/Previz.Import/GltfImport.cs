using Previz.Core.Scenes;

namespace Previz.Import;

/// <summary>
/// What a glTF file became: a scene Previz can render (objects, cameras, one shot per camera), plus what the file
/// held, for <c>previz scene info</c>.
/// </summary>
public sealed record GltfImport(
    SceneDocument Scene,
    IReadOnlyList<GltfNodeInfo> Nodes,
    IReadOnlyList<GltfAnimationInfo> Animations)
{
    /// <summary>The file's node tree and clips when it has animations, skins or morph targets (a mesh reference flattens through it).</summary>
    public Previz.Core.Characters.Rig? Rig { get; init; }

    /// <summary>Meshes that move by themselves (skins, morph targets), with their clips.</summary>
    public IReadOnlyList<GltfCharacterInfo> Characters { get; init; } = [];

    /// <summary>What was left out of the file or made up for it (a default camera), one line each.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Triangles over all objects (instanced meshes counted once per node).</summary>
    public long TriangleCount => Scene.Objects.Sum(o => (long)(Previz.Core.Geometry.ObjectMeshes.Of(o)?.TriangleCount ?? 0));

    /// <summary>First and last key time over all animations, or null for a still scene.</summary>
    public (double Start, double End)? TimeRange =>
        Animations.Count == 0 ? null : (Animations.Min(a => a.Start), Animations.Max(a => a.End));
}
