namespace Previz.Core.Scenes;

/// <summary>
/// A whole scene: metres and seconds, right-handed, +Y up, cameras look down −Z (glTF conventions).
/// </summary>
public sealed record SceneDocument
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public SceneEnvironment Environment { get; init; } = SceneEnvironment.Default;

    public PresetText Style { get; init; } = PresetText.None;

    public PresetText Lighting { get; init; } = PresetText.None;

    public IReadOnlyList<SceneObject> Objects { get; init; } = [];

    public IReadOnlyList<SceneCamera> Cameras { get; init; } = [];

    public IReadOnlyList<Shot> Shots { get; init; } = [];

    public SceneObject? FindObject(string id) => Objects.FirstOrDefault(o => o.Id == id);

    public SceneCamera? FindCamera(string id) => Cameras.FirstOrDefault(c => c.Id == id);

    /// <summary>The shot with this id, or the first shot when <paramref name="id"/> is null.</summary>
    public Shot? FindShot(string? id) => id is null ? (Shots.Count > 0 ? Shots[0] : null) : Shots.FirstOrDefault(s => s.Id == id);
}
