using System.Text.Json.Nodes;
using Previz.Core.Scenes;

namespace Previz.Studio.Jobs;

/// <summary>What a user asked for: a shot of a scene through a hosted model, with options and prompt overrides.</summary>
public sealed record HostedGenerationInput(SceneDocument Scene, string ShotId, string Mode, string ModelId, JsonObject? Options, JsonObject? Prompt, long? Seed);
