using Previz.Core;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;

namespace Previz.Cli.Commands;

/// <summary>Turns option text into the renderer's values (the parser already limits them to known names).</summary>
public static class Choices
{
    public static RenderPass Pass(string? text) =>
        RenderPasses.TryParse(text, out var pass)
            ? pass.Value
            : throw new UserErrorException($"--pass \"{text}\" is not a pass; use {string.Join(", ", RenderPasses.Names)}.");

    public static ResolutionPreset Resolution(string? text) =>
        ResolutionPresets.TryParse(text, out var preset)
            ? preset.Value
            : throw new UserErrorException($"--resolution \"{text}\" is not a resolution; use {string.Join(", ", ResolutionPresets.Names)}.");
}
