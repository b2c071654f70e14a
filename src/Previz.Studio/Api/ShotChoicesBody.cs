using System.Text.Json.Nodes;

namespace Previz.Studio.Api;

/// <summary>The body of the prompt and estimate calls: the same choices a create request carries.</summary>
public sealed record ShotChoicesBody(string? ShotId, string? Mode, string? ModelId, JsonObject? Options, JsonObject? Prompt);
