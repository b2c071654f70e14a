namespace Previz.Core.Sequences;

/// <summary>
/// An audio file placed on the cut: music, an effect, a line of dialog. It plays from its own start at
/// <see cref="RecordStart"/> for <see cref="Frames"/> (its length, cut at the end of the sequence).
/// </summary>
/// <param name="Name">What the cue is called (the file's name without extension unless the user named it).</param>
/// <param name="MediaPath">Where the audio file is, relative to the export folder once exported (forward slashes).</param>
/// <param name="RecordStart">First frame on the record timeline.</param>
/// <param name="Frames">How long it plays, in frames of the cut.</param>
/// <param name="GainDb">Gain in decibels (0 leaves it as recorded; −6 halves its amplitude).</param>
public sealed record SoundCue(string Name, string MediaPath, int RecordStart, int Frames, double GainDb)
{
    public int RecordEnd => RecordStart + Frames;
}
