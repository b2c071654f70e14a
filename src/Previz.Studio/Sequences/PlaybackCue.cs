namespace Previz.Studio.Sequences;

/// <summary>A sound cue of a playing cut: from <paramref name="Start"/> for <paramref name="Duration"/> seconds (cut at the end).</summary>
/// <param name="Id">The cue's id.</param>
/// <param name="Name">What it is called.</param>
/// <param name="Start">Seconds from the start of the cut.</param>
/// <param name="Duration">Seconds it plays.</param>
/// <param name="GainDb">Gain in decibels.</param>
/// <param name="Media">Index of its file: <c>media/{n}</c> under the cut's address.</param>
public sealed record PlaybackCue(Guid Id, string Name, double Start, double Duration, double GainDb, int Media);
