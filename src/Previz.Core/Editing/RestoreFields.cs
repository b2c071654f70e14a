using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>
/// Puts top-level fields of the document back as they were (<c>objects</c>, <c>cameras</c>, <c>shots</c>, <c>name</c>…),
/// at their places among the others: the inverse every other edit returns, exact by construction because it holds the
/// fields' own JSON.
/// </summary>
public sealed record RestoreFields : SceneEdit
{
    public IReadOnlyList<FieldState> Fields { get; init; } = [];

    /// <summary>The edit that restores <paramref name="names"/> of <paramref name="root"/> as they are now.</summary>
    internal static RestoreFields Of(JsonObject root, params string[] names) => new()
    {
        Fields = [.. names.Select(name => root.TryGetPropertyValue(name, out var value)
            ? new FieldState(name, value?.DeepClone(), root.IndexOf(name))
            : new FieldState(name, null, null))],
    };

    internal override SceneEdit Apply(EditableScene scene)
    {
        var inverse = Of(scene.Root, [.. Fields.Select(f => f.Name)]);
        foreach (var field in Fields)
        {
            scene.Root.Remove(field.Name);
        }

        // Back in ascending order of place, so each lands where it was among the fields now there.
        foreach (var field in Fields.Where(f => f.Index is not null).OrderBy(f => f.Index))
        {
            scene.Root.Insert(Math.Min(field.Index!.Value, scene.Root.Count), field.Name, field.Value?.DeepClone());
        }

        return inverse;
    }
}
