using Previz.Studio.Sequences;

namespace Previz.Studio.Api;

/// <summary>A shot of a sequence and its take.</summary>
/// <param name="ShotId">The scene's shot id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Start">Seconds from the start of the cut.</param>
/// <param name="Duration">Seconds on the cut.</param>
/// <param name="Take">The chosen gallery clip; null for Direct Render.</param>
/// <param name="TakeLabel">"Direct Render", or the clip's model, length and date.</param>
/// <param name="Clips">The gallery clips of this shot that can be its take, newest first.</param>
public sealed record SequenceShotDto(string ShotId, string Name, double Start, double Duration, Guid? Take, string TakeLabel, IReadOnlyList<TakeOption> Clips);
