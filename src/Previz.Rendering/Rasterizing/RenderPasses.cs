using System.Diagnostics.CodeAnalysis;

namespace Previz.Rendering.Rasterizing;

/// <summary>The names users type for <see cref="RenderPass"/>: "wireframe", "shaded", "depth".</summary>
public static class RenderPasses
{
    public static IReadOnlyList<string> Names { get; } = ["wireframe", "shaded", "depth"];

    public static string ToName(this RenderPass pass) => pass switch
    {
        RenderPass.Wireframe => "wireframe",
        RenderPass.Shaded => "shaded",
        RenderPass.Depth => "depth",
        _ => throw new ArgumentOutOfRangeException(nameof(pass), pass, "Unknown render pass."),
    };

    public static bool TryParse(string? text, [NotNullWhen(true)] out RenderPass? pass)
    {
        pass = text?.Trim().ToLowerInvariant() switch
        {
            "wireframe" => RenderPass.Wireframe,
            "shaded" => RenderPass.Shaded,
            "depth" => RenderPass.Depth,
            _ => null,
        };
        return pass is not null;
    }
}
