using System.Text.Json.Nodes;

namespace Previz.Studio.Planning;

/// <summary>
/// The choices for a hosted generation of a shot, in the same shape as a create request, so the studio can preview the
/// prompt, price and start exactly what the user picked.
/// </summary>
/// <param name="SceneId">An uploaded scene.</param>
/// <param name="ShotId">A shot of it (default: the first).</param>
/// <param name="Mode">Visualizer mode (default: start-frame).</param>
/// <param name="ModelId">Catalog model id; for the prompt preview it may be left out (no length limit).</param>
/// <param name="Options">
/// <c>duration</c>, <c>aspect</c> (or <c>orientation</c>), <c>audio</c>, <c>resolution</c> (1k, 2k),
/// <c>acceptDurationCap</c>, <c>startFrame</c>/<c>endFrame</c> (<c>capture</c>, <c>capture:SECONDS</c>,
/// <c>image:ID</c>, <c>gallery:ID[@SECONDS]</c>), <c>references</c>, <c>useReferenceEndpoint</c>, <c>negativePrompt</c>.
/// </param>
/// <param name="Prompt">The user's own <c>scene</c>, <c>style</c> and <c>lighting</c> parts.</param>
public sealed record ShotChoices(Guid SceneId, string? ShotId, string? Mode, string? ModelId, JsonObject? Options, JsonObject? Prompt);
