using Previz.Core.Loading;
using Previz.Core.Scenes;

namespace Previz.Import.Scenes;

/// <summary>
/// A scene opened from a file, ready to render: every mesh loaded. <see cref="Gltf"/> is set when the file itself was
/// a glTF/GLB (for <c>scene info</c>); <see cref="Warnings"/> are a <c>.previz.json</c>'s non-fatal problems, or what a glTF file had left out or added (its notes).
/// </summary>
public sealed record LoadedScene(string Path, SceneDocument Scene, GltfImport? Gltf, IReadOnlyList<SceneProblem> Warnings);
