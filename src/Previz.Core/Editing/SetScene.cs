namespace Previz.Core.Editing;

/// <summary>Renames or describes the scene (blank description removes it).</summary>
public sealed record SetScene : SceneEdit
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        if (Name is not null && string.IsNullOrWhiteSpace(Name))
        {
            throw new EditRefusedException("name", "a scene needs a name");
        }

        var inverse = scene.Snapshot("name", "description");
        if (Name is not null)
        {
            scene.Root["name"] = Name.Trim();
        }

        if (Description is not null)
        {
            EditValues.SetText(scene.Root, "description", Description);
        }

        return inverse;
    }
}
