namespace Previz.Core.Editing;

/// <summary>
/// Sets the rest transform of an object or a camera: position, and optionally rotation (a quaternion, or Euler degrees
/// X, Y, Z as the format writes them) and scale (objects only). Keyed tracks still override it while they have keys.
/// </summary>
public sealed record SetTransform : SceneEdit
{
    public string? ObjectId { get; init; }

    public string? CameraId { get; init; }

    public required double[] Position { get; init; }

    /// <summary>[x, y, z, w].</summary>
    public double[]? Quaternion { get; init; }

    /// <summary>Euler degrees, X then Y then Z.</summary>
    public double[]? Rotation { get; init; }

    public double[]? Scale { get; init; }

    internal override SceneEdit Apply(EditableScene scene)
    {
        var (collection, entry) = EditTarget.Resolve(scene, ObjectId, CameraId);
        if (Quaternion is not null && Rotation is not null)
        {
            throw new EditRefusedException("rotation", "give either quaternion or rotation, not both");
        }

        if (Scale is not null && collection == "cameras")
        {
            throw new EditRefusedException("scale", "cameras take no scale");
        }

        var inverse = scene.Snapshot(collection);
        var transform = EditValues.Child(entry, "transform");
        transform["position"] = EditValues.Numbers(Position, 3, "position");
        if (Quaternion is not null)
        {
            transform.Remove("rotation");
            transform["quaternion"] = EditValues.Numbers(Quaternion, 4, "quaternion");
        }
        else if (Rotation is not null)
        {
            transform.Remove("quaternion");
            transform["rotation"] = EditValues.Numbers(Rotation, 3, "rotation");
        }

        if (Scale is not null)
        {
            transform["scale"] = EditValues.Numbers(Scale, 3, "scale");
        }

        return inverse;
    }
}
