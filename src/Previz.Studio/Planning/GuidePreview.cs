using Previz.Core.Catalog;

namespace Previz.Studio.Planning;

/// <summary>
/// The guide video a model would be sent for these choices: its pass, size, rate and length, and (once rendered) the
/// file, so a person sees what the model will follow before paying for it.
/// </summary>
/// <param name="ModelId">The model it is for.</param>
/// <param name="Pass">The pass the model's documentation asks for.</param>
/// <param name="Width">Frame width sent.</param>
/// <param name="Height">Frame height sent.</param>
/// <param name="Timing">Frame rate and frame count sent.</param>
/// <param name="Path">The rendered MP4 under the data folder's cache, or null when only described.</param>
public sealed record GuidePreview(string ModelId, GuidePass Pass, int Width, int Height, GuideTiming Timing, string? Path)
{
    public double Seconds => (double)Timing.Frames / Timing.Fps;
}
