using System.Globalization;

namespace Previz.Core.Catalog;

/// <summary>The frame rate and frame count of a guide video: frame i shows the shot at i / fps seconds (the last at most at its end).</summary>
public sealed record GuideTiming(int Fps, int Frames)
{
    /// <summary>How long the guide video plays.</summary>
    public double Seconds => Frames / (double)Fps;

    /// <summary>The shot time its last frame shows (frames 0 … n−1, 1/fps apart): the length a clip must have to cover it.</summary>
    public double LastFrameTime => (Frames - 1) / (double)Fps;

    /// <summary>The shot time of frame <paramref name="index"/>, held at the shot's end.</summary>
    public double FrameTime(int index, double shotSeconds) => Math.Min(index / (double)Fps, shotSeconds);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Frames} frames at {Fps} fps");
}
