namespace Previz.Rendering.Sequences;

/// <summary>How an animatic is drawn beyond its cut.</summary>
public sealed record AnimaticOptions
{
    /// <summary>Burn each shot's name and the record timecode into the picture (forces the re-encode).</summary>
    public bool BurnIn { get; init; }

    /// <summary>
    /// The TrueType font of the burn-in. Null: DejaVu Sans Mono from Debian's fonts-dejavu-core when installed, else
    /// fontconfig's default.
    /// </summary>
    public string? FontFile { get; init; }

    public static AnimaticOptions Default { get; } = new();
}
