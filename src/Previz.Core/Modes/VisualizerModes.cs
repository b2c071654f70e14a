using Previz.Core.Options;

namespace Previz.Core.Modes;

/// <summary>Ids, names and required inputs of the <see cref="VisualizerMode"/>s.</summary>
public static class VisualizerModes
{
    public static VisualizerMode Default => VisualizerMode.StartFrame;

    public static IReadOnlyList<VisualizerMode> All { get; } =
        [VisualizerMode.Image, VisualizerMode.StartFrame, VisualizerMode.StartEnd, VisualizerMode.FromAnimation];

    public static IReadOnlyList<VisualizerMode> VideoModes { get; } =
        [VisualizerMode.StartFrame, VisualizerMode.StartEnd, VisualizerMode.FromAnimation];

    public static bool IsVideo(this VisualizerMode mode) => mode != VisualizerMode.Image;

    /// <summary>The id used on the command line and in JSON: image, start-frame, start-end, from-animation.</summary>
    public static string Id(this VisualizerMode mode) => mode switch
    {
        VisualizerMode.Image => "image",
        VisualizerMode.StartFrame => "start-frame",
        VisualizerMode.StartEnd => "start-end",
        VisualizerMode.FromAnimation => "from-animation",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    public static string DisplayName(this VisualizerMode mode) => mode switch
    {
        VisualizerMode.Image => "Image",
        VisualizerMode.StartFrame => "Video (Start Frame)",
        VisualizerMode.StartEnd => "Video (Start + End)",
        VisualizerMode.FromAnimation => "Video (From Animation)",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>
    /// The pictures the user must supply. From Animation needs none: the shot's keyframes drive it and the product
    /// renders whatever the model accepts (start/end frames, keyframes, a motion description) from the scene.
    /// </summary>
    public static ModeInputs RequiredInputs(this VisualizerMode mode) => mode switch
    {
        VisualizerMode.StartFrame => ModeInputs.StartFrame,
        VisualizerMode.StartEnd => ModeInputs.StartFrame | ModeInputs.EndFrame,
        _ => ModeInputs.None,
    };

    public static bool TryParse(string? text, out VisualizerMode mode)
    {
        foreach (var m in All)
        {
            if (string.Equals(m.Id(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                mode = m;
                return true;
            }
        }

        mode = Default;
        return false;
    }

    /// <summary>Parses a mode id; an unknown id is a user error that lists the ids.</summary>
    public static VisualizerMode Parse(string text) =>
        TryParse(text, out var mode)
            ? mode
            : throw new UnsupportedOptionException(null, "mode", text, [.. All.Select(m => m.Id())]);
}
