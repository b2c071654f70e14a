namespace Previz.Studio.Sequences;

/// <summary>
/// The audio containers a sound cue may be, by ffprobe's <c>format_name</c> (browsers play them, editors import them),
/// with the extension and content type it is stored and served under.
/// </summary>
public static class AudioKinds
{
    private static readonly (string Format, AudioKind Kind)[] Known =
    [
        ("wav", new AudioKind("wav", "audio/wav")),
        ("mp3", new AudioKind("mp3", "audio/mpeg")),
        ("ogg", new AudioKind("ogg", "audio/ogg")),
        ("flac", new AudioKind("flac", "audio/flac")),
        ("mov,mp4,m4a,3gp,3g2,mj2", new AudioKind("m4a", "audio/mp4")),
        ("aac", new AudioKind("aac", "audio/aac")),
        ("matroska,webm", new AudioKind("webm", "audio/webm")),
        ("aiff", new AudioKind("aiff", "audio/aiff")),
    ];

    /// <summary>The kind of a container, or null when sound cues do not take it.</summary>
    public static AudioKind? Of(string formatName) =>
        Known.FirstOrDefault(k => string.Equals(k.Format, formatName, StringComparison.Ordinal)).Kind;
}
