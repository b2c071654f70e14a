namespace Previz.Rendering.Sequences;

/// <summary>What a sequence is exported as.</summary>
public enum SequenceExportFormat
{
    /// <summary>The animatic: one H.264 MP4 of the cut (<see cref="AnimaticWriter"/>).</summary>
    Mp4,

    /// <summary>OpenTimelineIO JSON (<c>.otio</c>) with the media beside it.</summary>
    Otio,

    /// <summary>Final Cut Pro XML 1.10 (<c>.fcpxml</c>) with the media beside it.</summary>
    Fcpxml,

    /// <summary>CMX 3600 EDL (<c>.edl</c>) with the media beside it.</summary>
    Edl,
}
