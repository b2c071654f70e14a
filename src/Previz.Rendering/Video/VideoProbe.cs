namespace Previz.Rendering.Video;

/// <summary>What ffprobe reports about a video file's first video stream.</summary>
public sealed record VideoProbe(
    string Codec,
    string PixelFormat,
    int Width,
    int Height,
    double AverageFrameRate,
    double RealFrameRate,
    int FrameCount,
    double DurationSeconds);
