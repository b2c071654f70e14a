namespace Previz.Rendering.Adherence;

/// <summary>
/// The motion from one analysed frame to the next: the camera's (the similarity fit of the background, null when too
/// little of it could be followed) and each moving object's on screen (the median shift of the points followed on it,
/// by the object's label − 1, null where the object showed too few).
/// </summary>
internal sealed record FrameMotion(ImageMotion? Camera, IReadOnlyList<ImageMotion?> Objects)
{
    public static FrameMotion Unmeasured(int objects) => new(null, new ImageMotion?[objects]);
}
