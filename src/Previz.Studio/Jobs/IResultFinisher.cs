using Previz.Providers.Generation;
using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>
/// Checks a downloaded vendor result and writes the final clip (the pipeline's <c>GenerationFinisher</c> trims it to the
/// shot). The download is left where it is: the fetch that made it deletes it, whatever happened.
/// </summary>
public interface IResultFinisher
{
    /// <param name="posterFile">
    /// Where to write the clip's poster (<see cref="Gallery.MediaStore.PosterOf"/>) when the finisher can make it along
    /// with the clip; left absent otherwise. The caller deletes it whatever happened.
    /// </param>
    /// <returns>What was done, e.g. "streams copied, +faststart".</returns>
    /// <exception cref="Previz.Core.UserErrorException">The download is not a playable video.</exception>
    Task<string> FinishAsync(string downloadedFile, GenerationRecord generation, string outputFile, string posterFile, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a downloaded still (Image mode) by decoding it whole and writes it to <paramref name="outputFile"/> (PNG or
    /// JPEG as it came; another format as PNG), with a JPEG poster at <paramref name="posterFile"/>.
    /// </summary>
    /// <exception cref="Previz.Core.UserErrorException">The download is not an image Previz can read.</exception>
    Task<FinishedStill> FinishStillAsync(string downloadedFile, GenerationRecord generation, string outputFile, string posterFile, CancellationToken cancellationToken);
}
