namespace Previz.Core.Sequences;

/// <summary>
/// One shot in the cut: where it sits on the record timeline and which take fills it. Every take starts at its own
/// first frame; a take shorter than the shot is held on its last frame for <see cref="HeldFrames"/>.
/// </summary>
/// <param name="ShotId">The scene's shot id.</param>
/// <param name="Name">The shot's display name (what editors see on the clip).</param>
/// <param name="RecordStart">First frame on the record timeline (0 for the first shot).</param>
/// <param name="Frames">Length on the record timeline: the shot's duration at the cut's rate.</param>
/// <param name="Take">The media that fills it.</param>
public sealed record SequenceClip(string ShotId, string Name, int RecordStart, int Frames, SequenceTake Take)
{
    /// <summary>Frames of the take used (from its first frame).</summary>
    public int SourceFrames => Math.Min(Frames, Take.SourceFrames);

    /// <summary>Frames the take's last frame is held for because the take is shorter than the shot.</summary>
    public int HeldFrames => Math.Max(0, Frames - Take.SourceFrames);

    /// <summary>The frame after the clip's last one on the record timeline.</summary>
    public int RecordEnd => RecordStart + Frames;
}
