using Previz.Core.Editing;

namespace Previz.Studio.Api;

/// <summary>A batch of scene edits, applied all together or not at all (see docs/compose.md).</summary>
public sealed record SceneEditsBody(IReadOnlyList<SceneEdit>? Operations);
