using Previz.Core.Modes;
using Previz.Core.Motion;
using Previz.Core.Scenes;

namespace Previz.Core.Prompting;

/// <summary>What an auto-prompt is built from.</summary>
public sealed record PromptContext
{
    public required SceneDocument Scene { get; init; }

    public required Shot Shot { get; init; }

    public VisualizerMode Mode { get; init; } = VisualizerModes.Default;

    /// <summary>The shot's measured motion; computed from the scene when null.</summary>
    public ShotMotion? Motion { get; init; }

    public bool AudioOn { get; init; }

    public AudioCues Audio { get; init; } = AudioCues.None;

    public PromptPresets Presets { get; init; } = PromptPresets.Default;

    public static PromptContext For(SceneDocument scene, string? shotId = null, VisualizerMode mode = VisualizerMode.StartFrame)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var shot = scene.FindShot(shotId)
            ?? throw new Options.UnsupportedOptionException(null, "shot", shotId, [.. scene.Shots.Select(s => s.Id)]);
        return new PromptContext { Scene = scene, Shot = shot, Mode = mode };
    }
}
