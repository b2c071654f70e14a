using Previz.Providers.Generation;
using Previz.Studio.Gallery;
using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>
/// Finishes a vendor's clip with the generation pipeline's <see cref="GenerationFinisher"/>: every packet read by
/// ffprobe, trimmed frame-exact to the length the generation delivers (the shot, not the vendor's whole clip),
/// H.264 with <c>+faststart</c>; the gallery's poster made by the same ffmpeg process. A still is decoded with
/// ImageSharp and its poster made from the decoded pixels (no child process).
/// </summary>
public sealed class PipelineFinisher : IResultFinisher
{
    private readonly GenerationFinisher _finisher;

    public PipelineFinisher(GenerationFinisher finisher)
    {
        ArgumentNullException.ThrowIfNull(finisher);
        _finisher = finisher;
    }

    public async Task<string> FinishAsync(string downloadedFile, GenerationRecord generation, string outputFile, string posterFile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        // Duration is the plan's output length (the shot, or the accepted cap); 0 would mean "keep it as it is".
        // The poster's time comes from the same duration the gallery would use (GalleryService.StageAsync).
        var finished = await _finisher.FinishVideoAsync(downloadedFile, Math.Max(0, generation.Duration), outputFile,
            MediaStore.PosterOf(posterFile, generation.Duration), cancellationToken);
        return finished.Processing;
    }

    public Task<FinishedStill> FinishStillAsync(string downloadedFile, GenerationRecord generation, string outputFile, string posterFile, CancellationToken cancellationToken) =>
        GenerationFinisher.FinishStillAsync(downloadedFile, outputFile, MediaStore.PosterOf(posterFile, 0), cancellationToken);
}
