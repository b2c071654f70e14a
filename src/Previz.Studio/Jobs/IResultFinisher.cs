using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>
/// Checks a downloaded vendor result and writes the final clip (the pipeline's <c>GenerationFinisher</c> trims it to the
/// shot). The download is left where it is: the fetch that made it deletes it, whatever happened.
/// </summary>
public interface IResultFinisher
{
    /// <returns>What was done, e.g. "streams copied, +faststart".</returns>
    /// <exception cref="Previz.Core.UserErrorException">The download is not a playable video.</exception>
    Task<string> FinishAsync(string downloadedFile, GenerationRecord generation, string outputFile, CancellationToken cancellationToken);
}
