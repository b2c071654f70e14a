using System.Text.Json.Nodes;

namespace Previz.Studio.Api;

/// <summary>
/// The choices as the HTTP API takes them (create, prompt preview, estimate): <c>options</c> and <c>prompt</c> are
/// objects read field by field by <see cref="ChoiceParser"/>, so a typo is refused with its field named.
/// </summary>
/// <param name="SceneId">An uploaded scene (create only; the other calls take it from the route).</param>
/// <param name="ShotId">A shot of it (default: the first).</param>
/// <param name="Mode">Visualizer mode.</param>
/// <param name="ModelId">Catalog model id, or <c>direct-render</c> (the default when creating).</param>
/// <param name="Options">
/// <c>duration</c>, <c>aspect</c> (or <c>orientation</c>), <c>audio</c>, <c>resolution</c> (1k, 2k),
/// <c>acceptDurationCap</c>, <c>startFrame</c>/<c>endFrame</c> (<c>capture</c>, <c>capture:SECONDS</c>,
/// <c>image:ID</c>, <c>gallery:ID[@SECONDS]</c>), <c>references</c>, <c>useReferenceEndpoint</c>, <c>negativePrompt</c>,
/// <c>pass</c> (Direct Render: wireframe, shaded, depth).
/// </param>
/// <param name="Prompt">The user's own <c>scene</c>, <c>style</c> and <c>lighting</c> parts.</param>
/// <param name="Seed">For models that take one.</param>
public sealed record ChoicesBody(Guid? SceneId, string? ShotId, string? Mode, string? ModelId, JsonObject? Options, JsonObject? Prompt, long? Seed);
