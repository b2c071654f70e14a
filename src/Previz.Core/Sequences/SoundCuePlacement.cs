namespace Previz.Core.Sequences;

/// <summary>A sound cue as the user places it, in seconds: an audio file, when it starts, its gain.</summary>
/// <param name="Name">What the cue is called.</param>
/// <param name="MediaPath">The audio file (relative to the export folder once exported).</param>
/// <param name="Start">Seconds from the start of the sequence.</param>
/// <param name="Length">The audio file's length in seconds (probed by the caller).</param>
/// <param name="GainDb">Gain in decibels.</param>
public sealed record SoundCuePlacement(string Name, string MediaPath, double Start, double Length, double GainDb);
