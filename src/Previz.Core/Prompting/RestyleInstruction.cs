using Previz.Core.Catalog;
using Previz.Core.Modes;

namespace Previz.Core.Prompting;

/// <summary>
/// The line that opens the prompt of a model that repaints Previz's shaded guide in From Animation. Such models take
/// the prompt as an edit of the video they are given (fal's Omni Flash edit page: a short instruction that ends "Keep
/// everything else the same."); without it the scene description reads as a new clip to invent.
/// </summary>
public static class RestyleInstruction
{
    public const string Text =
        "Restyle this grey 3D previz render into the finished shot described below. Keep its camera move, framing, layout and every motion exactly as they are.";

    /// <summary>The instruction when <paramref name="model"/> repaints its guide in <paramref name="mode"/>, else null.</summary>
    public static string? For(ModelEntry? model, VisualizerMode mode) =>
        mode == VisualizerMode.FromAnimation && model?.Inputs.GuideVideo is { RepaintsGuide: true } ? Text : null;
}
