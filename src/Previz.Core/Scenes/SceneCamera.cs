using Previz.Core.Animation;

namespace Previz.Core.Scenes;

/// <summary>A camera: a transform (looking down −Z, +Y up) or an aim target it keeps looking at, and a lens.</summary>
public sealed record SceneCamera
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public Transform Transform { get; init; } = Transform.Identity;

    /// <summary>An object id the camera turns to face; overrides the rotation while set.</summary>
    public string? AimTargetId { get; init; }

    public string? ParentId { get; init; }

    public Lens Lens { get; init; } = Lens.Default;

    public float Near { get; init; } = 0.1f;

    public float Far { get; init; } = 1000f;

    public CameraAnimation Animation { get; init; } = CameraAnimation.None;

    public string DisplayName => Name ?? Id;
}
