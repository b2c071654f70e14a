using Previz.Core;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Providers.Errors;
using Previz.Providers.Hosting;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;

namespace Previz.Providers.Generation;

/// <summary>
/// Runs a plan in-process from start to finish (the CLI's way; the studio runs the same steps as durable jobs):
/// Direct Render renders here; a hosted model is submitted once, polled with status reports, canceled at the vendor
/// when the caller cancels, and its result downloaded at once. Then the file is finished and its provenance written
/// beside it (<see cref="GenerationProvenance.PathFor"/>).
/// </summary>
public sealed class GenerationRunner
{
    private static readonly TimeSpan CancelGrace = TimeSpan.FromSeconds(15);

    private readonly HostedVideoClients _clients;
    private readonly HostedJobWaiter _waiter;
    private readonly GenerationFinisher _finisher;
    private readonly TimeProvider _time;

    public GenerationRunner(HostedVideoClients clients, HostedJobWaiter waiter, GenerationFinisher finisher, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(waiter);
        ArgumentNullException.ThrowIfNull(finisher);
        ArgumentNullException.ThrowIfNull(time);
        _clients = clients;
        _waiter = waiter;
        _finisher = finisher;
        _time = time;
    }

    public async Task<GenerationResult> RunAsync(
        GenerationPlan plan,
        string outputFile,
        IProgress<GenerationProgress>? progress,
        JobWaitOptions? wait,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(outputFile);
        var output = Path.GetFullPath(outputFile);
        var folder = Path.GetDirectoryName(output)!;
        Directory.CreateDirectory(folder);
        var started = _time.GetTimestamp();
        var download = Path.Combine(folder, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.download");
        SubmittedJob? job = null;
        try
        {
            if (plan.Request is null)
            {
                await RenderAsync(plan, download, progress, started, cancellationToken);
            }
            else
            {
                job = await FetchHostedAsync(plan, plan.Request, download, progress, wait ?? new JobWaitOptions(), started, cancellationToken);
            }

            progress?.Report(new GenerationProgress("finishing", _time.GetElapsedTime(started)));
            var media = await _finisher.FinishAsync(download, plan, output, cancellationToken);
            var provenance = plan.Provenance with { RequestId = job?.RequestId, SubmittedAt = job?.SubmittedAt, Output = media with { Path = Path.GetFileName(media.Path) } };
            var provenanceFile = GenerationProvenance.PathFor(output);
            await provenance.WriteAsync(provenanceFile, cancellationToken);
            progress?.Report(new GenerationProgress("done", _time.GetElapsedTime(started), Progress: 1));
            return new GenerationResult(media, provenance, provenanceFile, job);
        }
        finally
        {
            File.Delete(download);
        }
    }

    private async Task RenderAsync(GenerationPlan plan, string target, IProgress<GenerationProgress>? progress, long started, CancellationToken cancellationToken)
    {
        var settings = plan.DirectRender ?? throw new InvalidOperationException($"{plan.Model.Id} was planned without Direct Render settings.");
        var frames = new InlineProgress<RenderProgress>(p =>
            progress?.Report(new GenerationProgress("rendering", _time.GetElapsedTime(started), Progress: p.FramesDone / (double)Math.Max(1, p.TotalFrames))));
        progress?.Report(new GenerationProgress("rendering", _time.GetElapsedTime(started)));
        // Written under its own extension (ffmpeg picks the container by it), then handed to the finisher.
        var file = target + (settings.Still ? ".png" : ".mp4");
        await DirectRenderGenerator.RenderAsync(plan.Spec.Scene, plan.Shot, settings, file, frames, cancellationToken);
        File.Move(file, target, overwrite: true);
    }

    private async Task<SubmittedJob> FetchHostedAsync(
        GenerationPlan plan, HostedRequest request, string target, IProgress<GenerationProgress>? progress, JobWaitOptions wait, long started, CancellationToken cancellationToken)
    {
        var client = _clients.For(request.Provider);
        progress?.Report(new GenerationProgress("submitting", _time.GetElapsedTime(started)));
        var job = await client.SubmitAsync(request, cancellationToken);
        progress?.Report(new GenerationProgress("queued", _time.GetElapsedTime(started), job.QueuePosition));

        HostedJobStatus status;
        try
        {
            var statuses = new InlineProgress<HostedJobStatus>(s => progress?.Report(Report(s, _time.GetElapsedTime(started))));
            status = await _waiter.WaitAsync(client, job, wait, statuses, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: stop the job at the vendor so it is not left running (and billed), then report the cancel.
            using var grace = new CancellationTokenSource(CancelGrace);
            try
            {
                await client.CancelAsync(job, grace.Token);
            }
            catch (Exception e) when (e is HostedProviderException or OperationCanceledException or HttpRequestException)
            {
                throw new OperationCanceledException($"Canceled; asking {VendorNames.Of(job.Provider)} to cancel request {job.RequestId} failed, it may still finish and be billed.", e, cancellationToken);
            }

            throw;
        }

        switch (status)
        {
            case SucceededStatus done:
                progress?.Report(new GenerationProgress("downloading", _time.GetElapsedTime(started)));
                var outputUrl = done.Outputs[0];
                await using (var file = File.Create(target))
                {
                    await client.FetchResultAsync(outputUrl, file, plan.ExpectedMedia, cancellationToken);
                }

                return job;
            case FailedStatus failed:
                throw new HostedProviderException(job.Provider, failed.Failure);
            case CanceledStatus:
                throw new HostedProviderException(job.Provider, new HostedFailure(VendorErrorCategory.Unknown, $"{VendorNames.Of(job.Provider)} canceled request {job.RequestId}."));
            default:
                throw new InvalidOperationException($"The wait ended on a non-terminal status {status}.");
        }
    }

    private static GenerationProgress Report(HostedJobStatus status, TimeSpan elapsed) => status switch
    {
        QueuedStatus q => new GenerationProgress(q.Throttled ? "throttled" : "queued", elapsed, q.Position, Status: status),
        RunningStatus r => new GenerationProgress("running", elapsed, null, r.Progress, r.Logs.Count > 0 ? r.Logs[^1] : null, status),
        _ => new GenerationProgress("finished", elapsed, Status: status),
    };
}
