namespace Previz.Core.Editing;

/// <summary>Removes a camera; refused (by the check of the result) while a shot films through it.</summary>
public sealed record RemoveCamera : SceneEdit
{
    public required string CameraId { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var entry = scene.Find("cameras", CameraId, "cameraId");
        var inverse = scene.Snapshot("cameras");
        scene.Collection("cameras")!.Remove(entry);
        return inverse;
    }
}
