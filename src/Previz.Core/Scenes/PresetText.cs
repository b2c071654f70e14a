namespace Previz.Core.Scenes;

/// <summary>A style or lighting choice: a named preset plus the user's own words.</summary>
public sealed record PresetText(string? Preset, string? Text)
{
    public static PresetText None { get; } = new(null, null);
}
