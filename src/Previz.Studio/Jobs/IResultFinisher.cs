using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>
/// Checks a downloaded vendor result and writes the final clip (the pipeline's <c>GenerationFinisher</c> trims it to the
/// shot). The download is left where it is: the fetch that made it deletes it, whatever happened.
/// </summary>
public interface IResultFinisher
{
    /// <param name="inProcesses">Use ffprobe/ffmpeg processes, never FFmpeg's libraries in this process (see <see cref="MediaCrashGuard"/>).</param>
    /// <returns>What was done and where, e.g. "streams copied, +faststart (FFmpeg's libraries in the server)".</returns>
    /// <exception cref="Previz.Core.UserErrorException">The download is not a playable video.</exception>
    Task<string> FinishAsync(string downloadedFile, GenerationRecord generation, string outputFile, bool inProcesses, CancellationToken cancellationToken);
}
