using Previz.Core.Scenes;
using Previz.Studio.Persistence;

namespace Previz.Studio.Sequences;

/// <summary>
/// A file a playing cut uses: a stored one (a gallery clip, a cue's audio) by its path in the data folder, or a shot
/// whose Direct Render is made when it is first asked for.
/// </summary>
public sealed record PlaybackMedia(string? StoredPath, string ContentType, SceneRecord? Scene = null, SceneDocument? Document = null, Shot? Shot = null);
