namespace Previz.Studio.Scenes;

/// <summary>A bundled sample scene: its file and what its document says.</summary>
public sealed record SampleScene(string FileName, string Name, string? Description, int ShotCount);
