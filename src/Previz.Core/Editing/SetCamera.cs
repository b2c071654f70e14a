namespace Previz.Core.Editing;

/// <summary>
/// Sets a camera's name, lens (a focal length in mm or a vertical field of view in degrees: setting one removes the
/// other), clip distances and aim target. Fields left out stay; <see cref="Clear"/> removes optional ones.
/// </summary>
public sealed record SetCamera : SceneEdit
{
    private static readonly HashSet<string> Clearable = new(StringComparer.Ordinal) { "name", "aimTarget", "near", "far" };

    public required string CameraId { get; init; }

    public string? Name { get; init; }

    public double? FocalLength { get; init; }

    public double? VerticalFov { get; init; }

    public double? Near { get; init; }

    public double? Far { get; init; }

    /// <summary>An object id the camera keeps looking at.</summary>
    public string? AimTarget { get; init; }

    public IReadOnlyList<string>? Clear { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var entry = scene.Find("cameras", CameraId, "cameraId");
        if (FocalLength is not null && VerticalFov is not null)
        {
            throw new EditRefusedException("verticalFov", "give either focalLength or verticalFov, not both");
        }

        var inverse = scene.Snapshot("cameras");
        if (Name is not null)
        {
            EditValues.SetText(entry, "name", Name);
        }

        if (FocalLength is { } focal)
        {
            var lens = EditValues.Child(entry, "lens");
            lens.Remove("verticalFov");
            lens["focalLength"] = EditValues.Finite(focal, "focalLength");
        }

        if (VerticalFov is { } fov)
        {
            var lens = EditValues.Child(entry, "lens");
            lens.Remove("focalLength");
            lens["verticalFov"] = EditValues.Finite(fov, "verticalFov");
        }

        if (Near is { } near)
        {
            entry["near"] = EditValues.Finite(near, "near");
        }

        if (Far is { } far)
        {
            entry["far"] = EditValues.Finite(far, "far");
        }

        if (AimTarget is not null)
        {
            EditValues.SetText(entry, "aimTarget", AimTarget);
        }

        EditValues.Clear(entry, Clear, Clearable);
        return inverse;
    }
}
