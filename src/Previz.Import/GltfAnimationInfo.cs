namespace Previz.Import;

/// <summary>One glTF animation: its name, key time range (seconds) and how many channels Previz plays.</summary>
public sealed record GltfAnimationInfo(int Index, string? Name, double Start, double End, int Channels, int IgnoredChannels);
