using Previz.Core.Scenes;

namespace Previz.Core.Loading;

/// <summary>A valid scene and the warnings found while reading it.</summary>
public sealed record SceneReadResult(SceneDocument Scene, IReadOnlyList<SceneProblem> Warnings);
