using Previz.Rendering.Video;

namespace Previz.Providers.Generation;

/// <summary>
/// The finished output file and its figures: for a video, the download's as ffprobe read them, with what the ffmpeg run
/// that wrote the file reported (a re-encode's frame count, hence its length); for a still, the image decoder's.
/// </summary>
/// <param name="Path">The file written.</param>
/// <param name="Kind"><c>video</c> or <c>image</c>.</param>
/// <param name="Width">Pixels.</param>
/// <param name="Height">Pixels.</param>
/// <param name="DurationSeconds">Video length after trimming; 0 for stills.</param>
/// <param name="Video">The figures of the written video; null for stills.</param>
/// <param name="SourceDurationSeconds">Length of the vendor's clip before trimming.</param>
/// <param name="Processing">What was done: "trimmed 8.000 s to 5.000 s, re-encoded to H.264, +faststart", "streams copied, +faststart", …</param>
public sealed record FinishedMedia(string Path, string Kind, int Width, int Height, double DurationSeconds, VideoProbe? Video, double SourceDurationSeconds, string Processing);
