using Previz.Providers.Generation;
using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>
/// Finishes a vendor's clip with the generation pipeline's <see cref="GenerationFinisher"/>: every packet read by
/// ffprobe, trimmed frame-exact to the length the generation delivers (the shot, not the vendor's whole clip),
/// H.264 with <c>+faststart</c>.
/// </summary>
public sealed class PipelineFinisher : IResultFinisher
{
    private readonly GenerationFinisher _finisher;

    public PipelineFinisher(GenerationFinisher finisher)
    {
        ArgumentNullException.ThrowIfNull(finisher);
        _finisher = finisher;
    }

    public async Task<string> FinishAsync(string downloadedFile, GenerationRecord generation, string outputFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        // Duration is the plan's output length (the shot, or the accepted cap); 0 would mean "keep it as it is".
        var finished = await _finisher.FinishVideoAsync(downloadedFile, Math.Max(0, generation.Duration), outputFile, cancellationToken);
        return finished.Processing;
    }
}
