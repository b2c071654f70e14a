using Previz.Core;
using Previz.Rendering.Video;
using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>Checks a download with ffprobe (a video stream with frames) and keeps it as it is.</summary>
public sealed class ProbeCheckFinisher : IResultFinisher
{
    public async Task FinishAsync(string downloadedFile, GenerationRecord generation, string outputFile, CancellationToken cancellationToken)
    {
        VideoProbe probe;
        try
        {
            probe = await Ffprobe.ProbeAsync(downloadedFile, cancellationToken: cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ToolNotFoundException)
        {
            throw new UserErrorException($"The vendor's result is not a playable video ({ex.Message}).", ex);
        }

        if (probe.Width <= 0 || probe.Height <= 0 || probe.DurationSeconds <= 0)
        {
            throw new UserErrorException("The vendor's result has no video frames.");
        }

        File.Move(downloadedFile, outputFile, overwrite: true);
    }
}
