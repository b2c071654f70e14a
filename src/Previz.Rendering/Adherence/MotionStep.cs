namespace Previz.Rendering.Adherence;

/// <summary>One compared step: its end time from the shot's start, the authored motion and the clip's.</summary>
internal readonly record struct MotionStep(double Time, ImageMotion Authored, ImageMotion Clip)
{
    public double Error => (Clip - Authored).Size;
}
