using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>
/// Checks a downloaded vendor result and writes the final clip (the pipeline's <c>GenerationFinisher</c> trims it to the
/// shot). The download is left where it is: the fetch that made it deletes it, whatever happened.
/// </summary>
public interface IResultFinisher
{
    /// <exception cref="Previz.Core.UserErrorException">The download is not a playable video.</exception>
    Task FinishAsync(string downloadedFile, GenerationRecord generation, string outputFile, CancellationToken cancellationToken);
}
