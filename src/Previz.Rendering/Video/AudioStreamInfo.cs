namespace Previz.Rendering.Video;

/// <summary>An audio stream's figures from the file's header (<see cref="MediaTool.ProbeStreamsAsync"/>).</summary>
/// <param name="Codec">ffmpeg's codec name ("aac", "pcm_s16le").</param>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Channels">Channels.</param>
/// <param name="DurationSeconds">The stream's duration, else the container's.</param>
/// <param name="ExtradataHash">A hash of the codec's out-of-band setup (AAC's AudioSpecificConfig).</param>
public sealed record AudioStreamInfo(string Codec, int SampleRate, int Channels, double DurationSeconds, string ExtradataHash);
