namespace Previz.Core.Sequences;

/// <summary>
/// The media that fills a shot in the cut: a video file, how many whole frames of it there are at the cut's rate,
/// and whether it has sound. Probing the file is the caller's work (Core does no I/O).
/// </summary>
/// <param name="MediaPath">Where the file is, relative to the export folder once exported (forward slashes).</param>
/// <param name="Label">What made it ("kling-2.6-pro · seed 7", "Direct Render · shaded").</param>
/// <param name="SourceFrames">Whole frames the file holds at the cut's rate.</param>
/// <param name="HasAudio">Whether the file has an audio stream.</param>
public sealed record SequenceTake(string MediaPath, string Label, int SourceFrames, bool HasAudio);
