namespace Previz.Rendering.Video;

/// <summary>Where ffmpeg and ffprobe are and how x264 encodes.</summary>
public sealed record FfmpegOptions
{
    /// <summary>The ffmpeg program: a path, or a name looked up on PATH. Null: <c>PREVIZ_FFMPEG</c>, then "ffmpeg" on PATH.</summary>
    public string? FfmpegPath { get; init; }

    /// <summary>The ffprobe program. Null: <c>PREVIZ_FFPROBE</c>, then next to the configured ffmpeg, then "ffprobe" on PATH.</summary>
    public string? FfprobePath { get; init; }

    /// <summary>
    /// x264 preset. "veryfast" by default: on two cores x264 "medium" encodes about 28 frames/s of busy 1080p, too
    /// close to real time once the renderer shares the cores, while "veryfast" runs about twice as fast for files
    /// somewhat larger at the same quality; previz is watched for blocking and timing, where turnaround matters more
    /// than bits. Use "medium" or slower for delivery.
    /// </summary>
    public string Preset { get; init; } = "veryfast";

    /// <summary>x264 constant rate factor (lower is better quality). 20 keeps one-pixel wireframe lines crisp.</summary>
    public int Crf { get; init; } = 20;

    /// <summary>
    /// False: ffprobe/ffmpeg processes even where FFmpeg's libraries run in this process (<see cref="LibavMedia"/>), so
    /// that a file which crashes them takes down a child process, not this one.
    /// </summary>
    public bool InProcess { get; init; } = true;

    public static FfmpegOptions Default { get; } = new();
}
