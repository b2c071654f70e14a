namespace Previz.Rendering.Adherence;

/// <summary>
/// One part of a compared step (the camera, or one moving object): the authored motion and the clip's, each as one
/// motion of the part's points (<see cref="SharedPointMotion"/>).
/// </summary>
internal readonly record struct MotionPair(ImageMotion Authored, ImageMotion Clip)
{
    /// <summary>How far the clip's motion is from the authored one, in frame widths.</summary>
    public double Error => (Clip - Authored).Size;

    /// <summary>How far the authored motion goes, in frame widths: what the error is measured against.</summary>
    public double Path => Authored.Size;
}
