namespace Previz.Core.Editing;

/// <summary>
/// Sets a shot's name, description, camera, start, duration, frame rate, aspect and lens override. Fields left out
/// stay; <see cref="Clear"/> removes optional ones (a cleared lens override films with the camera's own lens).
/// </summary>
public sealed record SetShot : SceneEdit
{
    private static readonly HashSet<string> Clearable = new(StringComparer.Ordinal) { "name", "description", "focalLength", "aspect" };

    public required string ShotId { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? CameraId { get; init; }

    public double? Start { get; init; }

    public double? Duration { get; init; }

    public double? Fps { get; init; }

    /// <summary>As the format writes it: <c>16:9</c>, <c>2.39:1</c>, <c>1.85</c>.</summary>
    public string? Aspect { get; init; }

    /// <summary>A focal length in mm that replaces the camera's for this shot.</summary>
    public double? FocalLength { get; init; }

    public IReadOnlyList<string>? Clear { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var entry = scene.Find("shots", ShotId, "shotId");
        var inverse = scene.Snapshot("shots");
        if (Name is not null)
        {
            EditValues.SetText(entry, "name", Name);
        }

        if (Description is not null)
        {
            EditValues.SetText(entry, "description", Description);
        }

        if (CameraId is not null)
        {
            entry["cameraId"] = CameraId;
        }

        SetNumber(entry, "start", Start);
        SetNumber(entry, "duration", Duration);
        SetNumber(entry, "fps", Fps);
        SetNumber(entry, "focalLength", FocalLength);
        if (Aspect is not null)
        {
            entry["aspect"] = Aspect.Trim();
        }

        EditValues.Clear(entry, Clear, Clearable);
        return inverse;
    }

    private static void SetNumber(System.Text.Json.Nodes.JsonObject entry, string field, double? value)
    {
        if (value is { } v)
        {
            entry[field] = EditValues.Finite(v, field);
        }
    }
}
