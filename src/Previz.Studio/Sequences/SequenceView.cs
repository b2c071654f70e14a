using Previz.Core.Scenes;
using Previz.Studio.Persistence;

namespace Previz.Studio.Sequences;

/// <summary>
/// A scene lineage's sequence as the studio shows it: the newest version's shots, the take chosen for each (absent:
/// Direct Render), the clips that could fill each, and the sound cues.
/// </summary>
/// <param name="Scene">The newest version of the scene.</param>
/// <param name="Document">Its document.</param>
/// <param name="Sequence">The stored sequence; null until something was chosen.</param>
/// <param name="Takes">The chosen take of each shot that has one whose clip still exists, by shot id.</param>
/// <param name="Options">The gallery clips of each shot, newest first.</param>
/// <param name="Cues">The sound cues by start.</param>
/// <param name="Duration">The cut's length in seconds (its shots' frame-exact lengths added).</param>
public sealed record SequenceView(
    SceneRecord Scene,
    SceneDocument Document,
    SequenceRecord? Sequence,
    IReadOnlyDictionary<string, TakeOption> Takes,
    IReadOnlyList<TakeOption> Options,
    IReadOnlyList<SoundCueRecord> Cues,
    double Duration);
