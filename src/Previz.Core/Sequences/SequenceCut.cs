using Previz.Core.Scenes;

namespace Previz.Core.Sequences;

/// <summary>
/// A scene's shots cut together, frame-exact at one rate: what the animatic, the OpenTimelineIO, FCPXML and EDL
/// exports and the review page all show. Built and checked by <see cref="SequenceCutBuilder"/>.
/// </summary>
/// <param name="Name">The sequence's name (the scene's).</param>
/// <param name="Rate">The cut's frame rate (the first shot's).</param>
/// <param name="Width">Picture width of the cut in pixels (the animatic's).</param>
/// <param name="Height">Picture height of the cut in pixels.</param>
/// <param name="Clips">The shots in storyboard order, back to back from frame 0.</param>
/// <param name="Cues">The sound cues, by start.</param>
public sealed record SequenceCut(string Name, FrameRate Rate, int Width, int Height, IReadOnlyList<SequenceClip> Clips, IReadOnlyList<SoundCue> Cues)
{
    /// <summary>The cut's length in frames: the sum of its shots'.</summary>
    public int TotalFrames => Clips.Count == 0 ? 0 : Clips[^1].RecordEnd;
}
