namespace Previz.Rendering;

/// <summary>How far a render has come: frames encoded of the total, and the average rate so far.</summary>
public sealed record RenderProgress(int FramesDone, int TotalFrames, double FramesPerSecond, TimeSpan Elapsed)
{
    public double Fraction => TotalFrames == 0 ? 1 : (double)FramesDone / TotalFrames;

    /// <summary>Time left at the rate so far, or null before the first frame.</summary>
    public TimeSpan? Remaining => FramesPerSecond > 0 ? TimeSpan.FromSeconds((TotalFrames - FramesDone) / FramesPerSecond) : null;
}
