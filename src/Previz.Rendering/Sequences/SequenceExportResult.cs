namespace Previz.Rendering.Sequences;

/// <summary>What <see cref="SequenceExporter"/> wrote.</summary>
/// <param name="OutputPath">The full path of the MP4, the package folder or the .zip.</param>
/// <param name="Format">The format exported.</param>
/// <param name="Animatic">For an MP4, what the animatic writer did; null for a timeline.</param>
/// <param name="Files">
/// For a timeline, the package's files by their relative paths (forward slashes): the timeline document first, then
/// <c>media/…</c> in the order the cut refers to them; for an MP4, its file name.
/// </param>
/// <param name="Notes">Things the user should know (a held take, a cut take), one sentence each.</param>
public sealed record SequenceExportResult(string OutputPath, SequenceExportFormat Format, AnimaticResult? Animatic, IReadOnlyList<string> Files, IReadOnlyList<string> Notes);
