using Previz.Core.Scenes;

namespace Previz.Studio.Scenes;

/// <summary>The editable fields of a scene object: how the prompt describes it, whether it is a hero, its reference pictures.</summary>
public sealed record ObjectEdit(string ObjectId, string? Description, bool Hero, IReadOnlyList<ImageReference> References);
