using System.Text.Json;
using Previz.Core;
using Previz.Providers.Errors;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Rendering.Adherence;
using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>The hosted steps: submit once, poll, and fetch, finish and store the clip.</summary>
public sealed partial class GenerationJobs
{
    /// <summary>
    /// A worker stopped between committing "Submitting" and saving the vendor's answer: the vendor may have the
    /// request. Submitting again could pay twice, so a person decides.
    /// </summary>
    private Task<GenerationRecord> SubmitOutcomeUnknownAsync(HeldGeneration held) =>
        FailAsync(
            held,
            $"Previz stopped while sending this request to {VendorOf(held.Record)}; it may or may not have been accepted. " +
            $"Check the vendor's dashboard for request key {held.Record.IdempotencyKey} before retrying (a retry is a new, paid request).",
            "submit-outcome-unknown",
            true,
            CancellationToken.None);

    private async Task SubmitAsync(HeldGeneration held, CancellationToken cancellationToken)
    {
        var record = held.Record;
        var id = record.Id;
        if (await CanceledBeforeStartAsync(held, cancellationToken))
        {
            return;
        }

        var stored = StoredPlan.Of(record).Request
            ?? throw new InvalidOperationException($"Generation {id} was planned without a vendor request.");
        var request = new HostedRequest(stored.Provider, stored.Endpoint, stored.Body)
        {
            IdempotencyKey = record.IdempotencyKey,
            Files = [.. await Task.WhenAll(stored.Files.Select(async f =>
                new HostedInputFile(f.Name, f.ContentType, await File.ReadAllBytesAsync(_folder.Resolve(f.StoredPath), cancellationToken), f.TargetField, f.Transport)))],
        };

        LogSubmitStarted(_logger, id, (long)(Now - record.CreatedAt).TotalMilliseconds);

        // Committed before the vendor is called: after a crash this says "maybe submitted", never "not yet".
        await _store.UpdateAsync(held, g =>
        {
            g.State = GenerationState.Submitting;
            g.StartedAt ??= Now;
        }, cancellationToken, durable: true);

        SubmittedJob submitted;
        try
        {
            submitted = await _clients.For(stored.Provider).SubmitAsync(request, cancellationToken);
        }
        catch (SubmitOutcomeUnknownException ex)
        {
            await FailAsync(held, ex.Message, "submit-outcome-unknown", true, CancellationToken.None);
            return;
        }
        catch (HostedProviderException ex)
        {
            await FailAsync(held, ex.Message, ex.Category.ToString(), false, CancellationToken.None);
            return;
        }
        catch (UserErrorException ex)
        {
            await FailAsync(held, ex.Message, "configuration", false, CancellationToken.None);
            return;
        }

        var due = Now + _options.FirstStatusDelay;
        await _store.UpdateAsync(held, g =>
        {
            g.State = GenerationState.Running;
            g.SubmittedJobJson = JsonSerializer.Serialize(submitted, StudioJson.Options);
            g.VendorRequestId = submitted.RequestId;
            g.SubmittedAt = submitted.SubmittedAt.UtcDateTime;
            g.QueuePosition = submitted.QueuePosition;
            g.NextPollAt = due;
        }, CancellationToken.None, release: true);
        LogSubmitted(_logger, id, stored.Provider, submitted.RequestId);
    }

    /// <summary>One status request (or the cancel asked for), and what its answer means for the generation.</summary>
    private async Task PollAsync(HeldGeneration held, CancellationToken cancellationToken)
    {
        var record = held.Record;
        var job = JsonSerializer.Deserialize<SubmittedJob>(record.SubmittedJobJson!, StudioJson.Options)!;
        var client = _clients.For(job.Provider);
        if (record.CancelRequested)
        {
            await CancelAtVendorAsync(held, client, job, cancellationToken);
            return;
        }

        HostedJobStatus status;
        try
        {
            status = await client.GetStatusAsync(job, cancellationToken);
        }
        catch (HostedProviderException ex) when (record.StatusErrors + 1 < _options.MaxStatusErrors)
        {
            var due = Now + Max(ex.RetryAfter ?? TimeSpan.Zero, Backoff(record.StatusErrors + 1, null));
            await _store.UpdateAsync(held, g =>
            {
                g.StatusErrors++;
                g.NextPollAt = due;
            }, cancellationToken, release: true);
            return;
        }
        catch (HostedProviderException ex)
        {
            await FailAsync(held, ex.Message, ex.Category.ToString(), false, cancellationToken);
            return;
        }

        await ApplyStatusAsync(held, client, job, status, cancellationToken);
    }

    private async Task CancelAtVendorAsync(HeldGeneration held, IHostedVideoClient client, SubmittedJob job, CancellationToken cancellationToken)
    {
        var outcome = await client.CancelAsync(job, cancellationToken);
        await _store.UpdateAsync(held, g =>
        {
            Finish(g, GenerationState.Canceled);
            if (outcome == CancelOutcome.AlreadyCompleted)
            {
                g.Error = $"{VendorName(job.Provider)} had already finished the clip; it may be billed.";
            }
        }, CancellationToken.None);
    }

    private async Task ApplyStatusAsync(HeldGeneration held, IHostedVideoClient client, SubmittedJob job, HostedJobStatus status, CancellationToken cancellationToken)
    {
        var record = held.Record;
        switch (status)
        {
            case QueuedStatus queued:
                await PollAgainAsync(held, Backoff(record.PollCount + 1, queued.Position), queued.Position, null, cancellationToken);
                break;
            case RunningStatus running:
                await PollAgainAsync(held, Backoff(record.PollCount + 1, null), null, running.Progress, cancellationToken);
                break;
            case SucceededStatus succeeded when succeeded.Outputs.Count > 0:
                var readyAt = _time.GetTimestamp();
                await _store.UpdateAsync(held, g =>
                {
                    g.PollCount++;
                    g.State = GenerationState.Fetching;
                    g.QueuePosition = null;
                }, cancellationToken);
                await FetchAsync(held, client, succeeded.Outputs[0], readyAt, cancellationToken);
                break;
            case SucceededStatus:
                await FailAsync(held, $"{VendorName(job.Provider)} reported success without a result file.", "vendor", false, cancellationToken);
                break;
            case FailedStatus failed:
                await FailAsync(held, failed.Failure.Message, failed.Failure.Category.ToString(), false, cancellationToken);
                break;
            default:
                await _store.UpdateAsync(held, g => Finish(g, GenerationState.Canceled), cancellationToken);
                break;
        }
    }

    /// <summary>Not ready yet: records the answer and when to ask again, and gives the lease back.</summary>
    private async Task PollAgainAsync(HeldGeneration held, TimeSpan delay, int? queuePosition, double? progress, CancellationToken cancellationToken)
    {
        var due = Now + delay;
        await _store.UpdateAsync(held, g =>
        {
            g.PollCount++;
            g.StatusErrors = 0;
            g.QueuePosition = queuePosition;
            g.Progress = progress ?? g.Progress;
            g.NextPollAt = due;
        }, cancellationToken, release: true);
    }

    private async Task FetchAsync(HeldGeneration held, IHostedVideoClient client, HostedOutput output, long readyAt, CancellationToken cancellationToken)
    {
        var record = held.Record;
        // Names of this attempt only: a step that outlived its lease must never share files with the one that took over.
        var attempt = Guid.NewGuid().ToString("N");
        var download = Path.Combine(_folder.Temp, $"{record.Id:N}.{attempt}.download");
        var still = record.Mode == StillMode;
        var clip = Path.Combine(_folder.Temp, $"{record.Id:N}.{attempt}.{(still ? "still" : "clip.mp4")}");
        var poster = Path.Combine(_folder.Temp, $"{record.Id:N}.{attempt}.poster.jpg");
        var outcome = new RenderWatch();
        string processing;
        MotionAdherence? adherence = null;
        FinishedStill? finishedStill = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Downloading and finishing (ffmpeg) can outlast a short lease: keep it while they run.
        var keep = KeepLeaseAsync(record.Id, held.Owner, outcome, stop);
        try
        {
            await using (var file = File.Create(download))
            {
                await client.FetchResultAsync(output, file, still ? ExpectedMedia.Image : ExpectedMedia.Video, stop.Token);
            }

            if (still)
            {
                finishedStill = await _finisher.FinishStillAsync(download, record, clip, poster, stop.Token);
                processing = finishedStill.Processing;
            }
            else
            {
                processing = await _finisher.FinishAsync(download, record, clip, poster, stop.Token);

                // Part of finishing, under the same lease: the finished clip against the shot's authored motion.
                adherence = await _adherence.MeasureAsync(record, clip, stop.Token);
            }
        }
        catch (OperationCanceledException) when (outcome.LeaseLost)
        {
            File.Delete(clip);
            File.Delete(poster);
            throw new LeaseLostException(record.Id);
        }
        catch (UserErrorException ex)
        {
            File.Delete(poster);
            await stop.CancelAsync();
            await keep;
            await FailAsync(held, ex.Message, "result", false, cancellationToken);
            return;
        }
        finally
        {
            // The download's one owner, whatever happened: a download cut off midway throws before the finisher
            // runs, and the step is then tried again with a new file.
            File.Delete(download);
            await stop.CancelAsync();
            await keep;
        }

        try
        {
            await StoreAsync(held, clip, poster, processing, readyAt, cancellationToken, adherence, finishedStill?.ContentType);
        }
        finally
        {
            // Moved into the media store when all went well; else this attempt's leftover.
            File.Delete(poster);
        }
    }

    /// <summary>Renews the lease every third of its length until stopped; a lost lease cancels the work.</summary>
    private async Task KeepLeaseAsync(Guid id, string owner, RenderWatch outcome, CancellationTokenSource stop)
    {
        var every = _options.Lease / 3 < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : _options.Lease / 3;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(every, _time, stop.Token);
                if (!await _store.RenewAsync(id, owner, stop.Token))
                {
                    outcome.LeaseLost = true;
                    await stop.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The fetch ended.
        }
    }
}
