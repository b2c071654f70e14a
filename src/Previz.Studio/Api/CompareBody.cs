using System.Text.Json.Nodes;

namespace Previz.Studio.Api;

/// <summary>
/// A compare batch as the HTTP API takes it: the choices every take shares, as for one generation
/// (<see cref="ChoicesBody"/>, without <c>modelId</c> and <c>seed</c>), the <c>models</c> to compare (2–8 catalog ids)
/// and the <c>seeds</c> (1–4 whole numbers; absent: one take per model with the model's own seed). Read field by field
/// by <see cref="CompareParser"/>, so a wrong element is refused with its place named (<c>seeds[1]</c>).
/// </summary>
public sealed record CompareBody(Guid? SceneId, string? ShotId, string? Mode, JsonNode? Models, JsonNode? Seeds, JsonObject? Options, JsonObject? Prompt);
