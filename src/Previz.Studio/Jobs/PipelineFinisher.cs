using Previz.Providers.Generation;
using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>
/// Finishes a vendor's clip with the generation pipeline's <see cref="GenerationFinisher"/>: every frame decoded by
/// ffprobe, trimmed frame-exact to the length the generation delivers (the shot, not the vendor's whole clip),
/// H.264 with <c>+faststart</c>.
/// </summary>
public sealed class PipelineFinisher : IResultFinisher
{
    private readonly GenerationFinisher _finisher;
    private readonly GenerationFinisher _inProcesses;

    public PipelineFinisher(GenerationFinisher finisher)
    {
        ArgumentNullException.ThrowIfNull(finisher);
        _finisher = finisher;
        _inProcesses = finisher.WithProcessesOnly();
    }

    public async Task<string> FinishAsync(string downloadedFile, GenerationRecord generation, string outputFile, bool inProcesses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        // Duration is the plan's output length (the shot, or the accepted cap); 0 would mean "keep it as it is".
        var finished = await (inProcesses ? _inProcesses : _finisher).FinishVideoAsync(downloadedFile, Math.Max(0, generation.Duration), outputFile, cancellationToken);
        var where = inProcesses ? "ffmpeg processes: an earlier attempt stopped the server during its media work"
            : finished.WrittenInProcess ? "FFmpeg's libraries in the server"
            : _finisher.UsesLibraries ? "checked by FFmpeg's libraries in the server, written by an ffmpeg process"
            : "ffmpeg processes";
        return $"{finished.Processing} ({where})";
    }
}
