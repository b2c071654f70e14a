namespace Previz.Studio.Sequences;

/// <summary>
/// One shot of a playing cut: it starts at <paramref name="Start"/> seconds and lasts <paramref name="Duration"/>; its
/// take plays from its own start and is held on its last frame when it is shorter.
/// </summary>
/// <param name="ShotId">The scene's shot id.</param>
/// <param name="Name">The shot's display name.</param>
/// <param name="Start">Seconds from the start of the cut (frame-exact at the cut's rate).</param>
/// <param name="Duration">Seconds on the cut.</param>
/// <param name="TakeLabel">What fills it ("Direct Render" or the clip's model and date).</param>
/// <param name="GalleryItemId">The chosen clip; null for Direct Render.</param>
/// <param name="Media">Index of its file: <c>media/{n}</c> under the cut's address.</param>
public sealed record PlaybackClip(string ShotId, string Name, double Start, double Duration, string TakeLabel, Guid? GalleryItemId, int Media);
