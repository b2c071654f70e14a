namespace Previz.Rendering.Sequences;

/// <summary>What <see cref="AnimaticWriter"/> wrote.</summary>
/// <param name="OutputPath">The MP4's full path.</param>
/// <param name="Encoding">Whether the picture was stream-copied or re-encoded.</param>
/// <param name="Frames">Video frames written (the cut's <c>TotalFrames</c>).</param>
/// <param name="HasAudio">Whether the MP4 has a sound track (a take with sound or a cue).</param>
/// <param name="Notes">
/// Things the user should know, one sentence each: a take shorter than its shot, held on its last frame (naming the
/// shot and the frames held), a take longer than its shot, cut.
/// </param>
public sealed record AnimaticResult(string OutputPath, AnimaticEncoding Encoding, int Frames, bool HasAudio, IReadOnlyList<string> Notes);
