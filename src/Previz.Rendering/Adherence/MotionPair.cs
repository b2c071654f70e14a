namespace Previz.Rendering.Adherence;

/// <summary>
/// One part of a compared step (the camera, or one moving object): the authored motion and the clip's as a whole (for
/// the words of a verdict: which way, how far), how far the clip's motion is from the authored one point by point
/// (<see cref="Error"/>), and how far the authored one goes (<see cref="Path"/>), in frame widths.
/// </summary>
internal readonly record struct MotionPair(ImageMotion Authored, ImageMotion Clip, double Error, double Path)
{
    /// <summary>A pair measured as one motion each, compared as wholes: motions made up by a test.</summary>
    public static MotionPair Whole(ImageMotion authored, ImageMotion clip) => new(authored, clip, (clip - authored).Size, authored.Size);
}
