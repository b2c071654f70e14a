using System.Text.Json.Serialization;

namespace Previz.Studio.Sequences;

/// <summary>
/// What the sequence player plays, in the studio and on a review page alike: the shots back to back with their takes,
/// the sound cues, and the files they use by index (<c>media/{n}</c> under the address the cut was read from), so a
/// review page names no id of the studio's.
/// </summary>
/// <param name="Name">The scene's name, or the clip's title.</param>
/// <param name="Fps">The cut's frame rate (the first shot's).</param>
/// <param name="Duration">Seconds; null when it is a gallery clip whose length the player reads from the file.</param>
/// <param name="Clips">The shots in storyboard order.</param>
/// <param name="Cues">The sound cues by start.</param>
public sealed record SequencePlayback(string Name, double Fps, double? Duration, IReadOnlyList<PlaybackClip> Clips, IReadOnlyList<PlaybackCue> Cues)
{
    /// <summary>The files, by the index the clips and cues give.</summary>
    [JsonIgnore]
    public IReadOnlyList<PlaybackMedia> Media { get; init; } = [];
}
