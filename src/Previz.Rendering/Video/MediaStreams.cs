namespace Previz.Rendering.Video;

/// <summary>
/// What ffprobe reports about a file's first video and first audio stream from its header alone (no packet read, no
/// frame decoded): enough to tell whether clips can be joined by a stream copy, and whether a file is audio at all.
/// </summary>
/// <param name="Video">The first video stream, or null when the file has none.</param>
/// <param name="Audio">The first audio stream, or null when the file has none.</param>
/// <param name="DurationSeconds">The container's duration (0 when it gives none).</param>
/// <param name="Format">The container as ffprobe names it (<c>wav</c>, <c>mp3</c>, <c>mov,mp4,m4a,3gp,3g2,mj2</c>, …).</param>
public sealed record MediaStreams(VideoStreamInfo? Video, AudioStreamInfo? Audio, double DurationSeconds, string Format);
