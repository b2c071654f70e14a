namespace Previz.Rendering.Adherence;

/// <summary>One part of a compared step (the camera, or one moving object): the authored motion and the clip's.</summary>
internal readonly record struct MotionPair(ImageMotion Authored, ImageMotion Clip)
{
    public double Error => (Clip - Authored).Size;
}
