namespace Previz.Studio.Compose;

/// <summary>Whether a <see cref="ComposeTarget"/> is an object or a camera.</summary>
public enum ComposeTargetKind
{
    SceneObject,
    Camera,
}
