using Previz.Core.Sequences;
using Previz.Core.Sequences.Timelines;

namespace Previz.Rendering.Sequences;

/// <summary>The names users type for <see cref="SequenceExportFormat"/>, each format's file extension and writer.</summary>
public static class SequenceExportFormats
{
    /// <summary>"mp4", "otio", "fcpxml", "edl": what the CLI's <c>--format</c> and the studio's API accept.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mp4", "otio", "fcpxml", "edl"];

    /// <summary>The format for a name of <see cref="Names"/> (case-insensitive).</summary>
    /// <exception cref="SequenceException">Not one of them.</exception>
    public static SequenceExportFormat Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "mp4" => SequenceExportFormat.Mp4,
        "otio" => SequenceExportFormat.Otio,
        "fcpxml" => SequenceExportFormat.Fcpxml,
        "edl" => SequenceExportFormat.Edl,
        _ => throw new SequenceException($"\"{name}\" is not a sequence export format; choose one of {string.Join(", ", Names)}."),
    };

    public static string ToName(this SequenceExportFormat format) => Names[(int)format];

    /// <summary>The file extension with its dot: ".mp4", ".otio", ".fcpxml", ".edl".</summary>
    public static string Extension(this SequenceExportFormat format) => "." + format.ToName();

    /// <summary>True for the editorial timelines (exported as a package with their media).</summary>
    public static bool IsTimeline(this SequenceExportFormat format) => format != SequenceExportFormat.Mp4;

    /// <summary>The timeline document of <paramref name="cut"/> in <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The MP4, which is not a timeline.</exception>
    public static string WriteTimeline(this SequenceExportFormat format, SequenceCut cut) => format switch
    {
        SequenceExportFormat.Otio => OtioWriter.Write(cut),
        SequenceExportFormat.Fcpxml => FcpxmlWriter.Write(cut),
        SequenceExportFormat.Edl => EdlWriter.Write(cut),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Only timelines have a document."),
    };
}
