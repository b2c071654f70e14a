namespace Previz.Studio.Api;

/// <summary>A new scene to compose in: its name (made unique when a scene has it already).</summary>
public sealed record NewSceneBody(string? Name);
