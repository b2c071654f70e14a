namespace Previz.Import;

/// <summary>
/// One glTF animation: its name, key time range (seconds), how many channels Previz plays on objects and cameras, and
/// how many it ignores.
/// </summary>
public sealed record GltfAnimationInfo(int Index, string? Name, double Start, double End, int Channels, int IgnoredChannels)
{
    /// <summary>Channels that pose a character (skin joints, morph weights): the animation is one of its clips.</summary>
    public int CharacterChannels { get; init; }
}
