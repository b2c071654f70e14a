using Previz.Core.Loading;
using Previz.Core.Scenes;

namespace Previz.Core.Editing;

/// <summary>
/// An applied batch: the new document, the scene it reads as, the batch that undoes it (in the order to apply) and
/// the warnings the new document has.
/// </summary>
public sealed record SceneEditResult(byte[] Document, SceneDocument Scene, IReadOnlyList<SceneEdit> Inverse, IReadOnlyList<SceneProblem> Warnings);
