namespace Previz.Core.Animation;

/// <summary>Keyframed camera motion: transform, focal length (mm) and aim target.</summary>
public sealed record CameraAnimation(TransformAnimation Transform, ScalarTrack FocalLength, AimTrack Aim)
{
    public static CameraAnimation None { get; } = new(TransformAnimation.None, new([]), new([]));

    public bool IsAnimated => Transform.IsAnimated || !FocalLength.IsEmpty || !Aim.IsEmpty;
}
