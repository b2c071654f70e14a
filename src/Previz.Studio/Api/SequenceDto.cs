using Previz.Studio.Sequences;

namespace Previz.Studio.Api;

/// <summary>A scene lineage's sequence: the newest version's shots with their takes, and the sound cues.</summary>
/// <param name="SceneId">The newest version of the scene (the one the sequence cuts).</param>
/// <param name="SceneName">The scene's name (the sequence belongs to every version of it).</param>
/// <param name="SceneVersion">The newest version's number.</param>
/// <param name="Fps">The cut's frame rate (the first shot's).</param>
/// <param name="Duration">The cut's length in seconds.</param>
/// <param name="Shots">The shots in storyboard order.</param>
/// <param name="Cues">The sound cues by start.</param>
public sealed record SequenceDto(Guid SceneId, string SceneName, int SceneVersion, double Fps, double Duration, IReadOnlyList<SequenceShotDto> Shots, IReadOnlyList<SoundCueDto> Cues)
{
    public static SequenceDto From(SequenceView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var playback = SequenceService.Playback(view);
        var shots = playback.Clips.Select(c => new SequenceShotDto(
            c.ShotId, c.Name, c.Start, c.Duration, c.GalleryItemId, c.TakeLabel, [.. view.Options.Where(o => o.ShotId == c.ShotId)]));
        return new SequenceDto(view.Scene.Id, view.Scene.Name, view.Scene.Version, playback.Fps, view.Duration, [.. shots], [.. view.Cues.Select(SoundCueDto.From)]);
    }
}
