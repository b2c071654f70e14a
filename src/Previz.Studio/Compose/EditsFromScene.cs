using System.Text.Json.Nodes;
using Previz.Core.Scenes;

namespace Previz.Studio.Compose;

/// <summary>
/// Builds one undoable step's operations from the draft as it is when the step is applied. A control's own copy of the
/// scene can be a step behind: a person leaves the X field and changes Y before the X edit has come back, and a Y edit
/// built from that copy would put X back.
/// </summary>
public delegate IReadOnlyList<JsonObject> EditsFromScene(SceneDocument current);
