namespace Previz.Rendering.Video;

/// <summary>Where ffmpeg and ffprobe are, how x264 encodes, and how long a command may run.</summary>
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
    /// How long one probe, copy, re-encode or still may run before its child is stopped: a clip that sends a decoder
    /// into a loop must fail its job, not hold a worker forever. Vendor clips are seconds long and re-encode in well
    /// under a minute here; an encode from frames is bounded by its render instead, so this does not apply to it.
    /// </summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public static FfmpegOptions Default { get; } = new();
}
