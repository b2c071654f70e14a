namespace Previz.Studio.Persistence;

/// <summary>An uploaded audio file placed on a sequence: music, an effect, a line of dialog.</summary>
public sealed class SoundCueRecord
{
    public Guid Id { get; set; }

    public Guid SequenceId { get; set; }

    /// <summary>What the cue is called (the file's name without extension unless the user named it).</summary>
    public required string Name { get; set; }

    /// <summary>The audio file, relative to the data folder: <c>media/&lt;sha256&gt;.&lt;ext&gt;</c>.</summary>
    public required string MediaPath { get; set; }

    public required string ContentType { get; set; }

    /// <summary>Bytes of the file.</summary>
    public long Length { get; set; }

    /// <summary>The file's length in seconds, as ffprobe read it at upload.</summary>
    public double DurationSeconds { get; set; }

    /// <summary>Seconds from the start of the sequence.</summary>
    public double StartSeconds { get; set; }

    public double GainDb { get; set; }

    public DateTime CreatedAt { get; set; }
}
