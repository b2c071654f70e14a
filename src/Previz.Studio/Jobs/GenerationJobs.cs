using System.Text.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Logging;
using Previz.Core;
using Previz.Providers.Errors;
using Previz.Providers.Hosting;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Video;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;
using Previz.Studio.Scenes;
using Previz.Studio.Security;

namespace Previz.Studio.Jobs;

/// <summary>
/// The generation state machine, one short step per Hangfire job. A hosted generation is submitted once, then polled
/// by delayed jobs (no thread waits for a vendor), then fetched and stored. A Direct Render runs in one step with its
/// frame progress written as it goes. Hangfire may hand a job out again after a worker died; the lease in the record
/// makes that safe, and the state written before each side effect says where to resume.
/// </summary>
public sealed partial class GenerationJobs
{
    private readonly GenerationStore _store;
    private readonly JobScheduler _scheduler;
    private readonly SceneStore _scenes;
    private readonly GalleryService _gallery;
    private readonly HostedVideoClients _clients;
    private readonly IResultFinisher _finisher;
    private readonly DataFolder _folder;
    private readonly JobOptions _options;
    private readonly bool _hostedStepsInProcess;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly ILogger<GenerationJobs> _logger;

    /// <summary>A timer may fire a hair before the recorded due time (clock resolution); still its poll.</summary>
    private static readonly TimeSpan PollTolerance = TimeSpan.FromMilliseconds(50);

    public GenerationJobs(
        GenerationStore store,
        JobScheduler scheduler,
        SceneStore scenes,
        GalleryService gallery,
        HostedVideoClients clients,
        IResultFinisher finisher,
        DataFolder folder,
        StudioOptions options,
        SecretRedactor redactor,
        TimeProvider time,
        ILogger<GenerationJobs> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _scheduler = scheduler;
        _scenes = scenes;
        _gallery = gallery;
        _clients = clients;
        _finisher = finisher;
        _folder = folder;
        _options = options.Jobs;
        _hostedStepsInProcess = options.HostedStepsRunInProcess;
        _redactor = redactor;
        _time = time;
        _logger = logger;
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>Runs a Direct Render (on the render queue's few workers).</summary>
    [Queue(JobQueues.Render)]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 2, 5, 10, 30], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RenderStepAsync(Guid generationId, CancellationToken cancellationToken) => StepAsync(generationId, true, cancellationToken);

    /// <summary>Takes a hosted generation one step further: submit, one status request, or fetch.</summary>
    [Queue(JobQueues.Hosted)]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [1, 2, 5, 10, 30], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task HostedStepAsync(Guid generationId, CancellationToken cancellationToken) => StepAsync(generationId, false, cancellationToken);

    private async Task StepAsync(Guid id, bool render, CancellationToken cancellationToken)
    {
        var owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        var lease = await _store.TakeAsync(id, owner, cancellationToken);
        if (lease.Held is not { } held)
        {
            if (!lease.Finished)
            {
                // Another worker holds it (or held it and died): look again once its lease has run out.
                var wait = (lease.HeldUntil ?? Now) - Now + TimeSpan.FromSeconds(1);
                _scheduler.Schedule(id, render, wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait);
            }

            return;
        }

        try
        {
            var record = held.Record;
            if (record.State.IsTerminal())
            {
                return;
            }

            if (!render && IsPollDone(record))
            {
                // A second start of this poll (a sweep, a retry, a wait for a lease): the first asked the vendor and scheduled the next.
                return;
            }

            if (record.Kind == GenerationKind.DirectRender)
            {
                await RenderAsync(held, cancellationToken);
            }
            else
            {
                await HostedAsync(held, cancellationToken);
            }
        }
        catch (LeaseLostException)
        {
            LogLeaseLost(_logger, id);
        }
        finally
        {
            if (!held.Released)
            {
                await _store.ReleaseAsync(id, owner, CancellationToken.None);
            }

            await held.DisposeAsync();
        }
    }

    private async Task RenderAsync(HeldGeneration held, CancellationToken cancellationToken)
    {
        var record = held.Record;
        var id = record.Id;
        if (record.CancelRequested)
        {
            await _store.UpdateAsync(held, g => Finish(g, GenerationState.Canceled), cancellationToken);
            return;
        }

        if (await CompleteIfStoredAsync(held, cancellationToken))
        {
            return;
        }

        var options = JsonNode.Parse(record.OptionsJson)?.AsObject() ?? [];
        if (!RenderPasses.TryParse((string?)options["pass"], out var pass) || !ResolutionPresets.TryParse((string?)options["resolution"], out var resolution))
        {
            await FailAsync(held, "The generation's pass or resolution is not valid.", null, false, cancellationToken);
            return;
        }

        var sceneRecord = record.SceneId is { } sceneId ? await _scenes.FindAsync(sceneId, cancellationToken) : null;
        if (sceneRecord is null)
        {
            await FailAsync(held, "The scene of this generation was deleted.", null, false, cancellationToken);
            return;
        }

        var scene = await _scenes.LoadAsync(sceneRecord, cancellationToken);
        var shot = scene.FindShot(record.ShotId);
        if (shot is null)
        {
            await FailAsync(held, $"The scene has no shot \"{record.ShotId}\".", null, false, cancellationToken);
            return;
        }

        await _store.UpdateAsync(held, g =>
        {
            g.State = GenerationState.Running;
            g.StartedAt ??= Now;
            g.Progress = 0;
        }, cancellationToken);

        var temp = Path.Combine(_folder.Temp, $"{id:N}.render.mp4");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        RenderProgress? latest = null;
        var progress = new InlineProgress<RenderProgress>(p => Volatile.Write(ref latest, p));
        var outcome = new RenderWatch();
        var watch = WatchRenderAsync(held, () => Volatile.Read(ref latest), outcome, stop);
        try
        {
            await DirectRenderer.RenderToMp4Async(scene, shot, pass.Value, resolution.Value, temp, progress, stop.Token);
        }
        catch (OperationCanceledException) when (outcome.CancelRequested && !cancellationToken.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await watch;
            await _store.UpdateAsync(held, g => Finish(g, GenerationState.Canceled), CancellationToken.None);
            return;
        }
        catch (OperationCanceledException) when (outcome.LeaseLost)
        {
            throw new LeaseLostException(id);
        }
        catch (Exception ex) when (ex is UserErrorException or VideoEncodingException)
        {
            await stop.CancelAsync();
            await watch;
            await FailAsync(held, ex.Message, "render", false, cancellationToken);
            return;
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
        }

        await _store.UpdateAsync(held, g =>
        {
            g.State = GenerationState.Fetching;
            g.Progress = 1;
        }, cancellationToken);
        await StoreAsync(held, temp, null, cancellationToken);
    }

    /// <summary>While a render runs: renews the lease, writes progress, and notices a cancel request, about once a second.</summary>
    private async Task WatchRenderAsync(HeldGeneration held, Func<RenderProgress?> latest, RenderWatch outcome, CancellationTokenSource stop)
    {
        var id = held.Id;
        double? written = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _time, stop.Token);
                if (!await _store.RenewAsync(id, held.Owner, stop.Token))
                {
                    outcome.LeaseLost = true;
                    await stop.CancelAsync();
                    return;
                }

                var current = await _store.FindAsync(id, stop.Token);
                if (current?.CancelRequested == true)
                {
                    outcome.CancelRequested = true;
                    await stop.CancelAsync();
                    return;
                }

                if (latest() is { } p && p.Fraction != written)
                {
                    written = Math.Round(p.Fraction, 4);
                    await _store.UpdateAsync(held, g => g.Progress = written, stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The render ended.
        }
    }

    private async Task HostedAsync(HeldGeneration held, CancellationToken cancellationToken)
    {
        var record = held.Record;
        switch (record.State)
        {
            case GenerationState.Queued:
                await SubmitAsync(held, cancellationToken);
                break;
            case GenerationState.Submitting:
                // A worker stopped between committing "Submitting" and saving the vendor's answer: the vendor may have
                // the request. Submitting again could pay twice, so a person decides.
                await FailAsync(
                    held,
                    $"Previz stopped while sending this request to {VendorOf(record)}; it may or may not have been accepted. " +
                    $"Check the vendor's dashboard for request key {record.IdempotencyKey} before retrying (a retry is a new, paid request).",
                    "submit-outcome-unknown",
                    true,
                    cancellationToken);
                break;
            case GenerationState.Running:
            case GenerationState.Fetching:
                if (await CompleteIfStoredAsync(held, cancellationToken))
                {
                    return;
                }

                await PollAsync(held, cancellationToken);
                break;
            default:
                break;
        }
    }

    private async Task SubmitAsync(HeldGeneration held, CancellationToken cancellationToken)
    {
        var record = held.Record;
        var id = record.Id;
        if (record.CancelRequested)
        {
            await _store.UpdateAsync(held, g => Finish(g, GenerationState.Canceled), cancellationToken);
            return;
        }

        var stored = JsonSerializer.Deserialize<StoredHostedRequest>(record.VendorRequestJson!, StudioJson.Options)!;
        var request = new HostedRequest(stored.Provider, stored.Endpoint, stored.Body)
        {
            IdempotencyKey = record.IdempotencyKey,
            Files = [.. await Task.WhenAll(stored.Files.Select(async f =>
                new HostedInputFile(f.Name, f.ContentType, await File.ReadAllBytesAsync(_folder.Resolve(f.StoredPath), cancellationToken), f.TargetField, f.Transport)))],
        };

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

        var due = PollAgain(id, _options.FirstStatusDelay);
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

    private async Task PollAsync(HeldGeneration held, CancellationToken cancellationToken)
    {
        var record = held.Record;
        var id = record.Id;
        var job = JsonSerializer.Deserialize<SubmittedJob>(record.SubmittedJobJson!, StudioJson.Options)!;
        var client = _clients.For(job.Provider);
        if (record.CancelRequested)
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
            return;
        }

        HostedJobStatus status;
        try
        {
            status = await client.GetStatusAsync(job, cancellationToken);
        }
        catch (HostedProviderException ex) when (record.StatusErrors + 1 < _options.MaxStatusErrors)
        {
            var due = PollAgain(id, Max(ex.RetryAfter ?? TimeSpan.Zero, Backoff(record.StatusErrors + 1, null)));
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

        switch (status)
        {
            case QueuedStatus queued:
                {
                    var due = PollAgain(id, Backoff(record.PollCount + 1, queued.Position));
                    await _store.UpdateAsync(held, g =>
                    {
                        g.PollCount++;
                        g.StatusErrors = 0;
                        g.QueuePosition = queued.Position;
                        g.NextPollAt = due;
                    }, cancellationToken, release: true);
                    break;
                }

            case RunningStatus running:
                {
                    var due = PollAgain(id, Backoff(record.PollCount + 1, null));
                    await _store.UpdateAsync(held, g =>
                    {
                        g.PollCount++;
                        g.StatusErrors = 0;
                        g.QueuePosition = null;
                        g.Progress = running.Progress ?? g.Progress;
                        g.NextPollAt = due;
                    }, cancellationToken, release: true);
                    break;
                }

            case SucceededStatus succeeded when succeeded.Outputs.Count > 0:
                await _store.UpdateAsync(held, g =>
                {
                    g.PollCount++;
                    g.State = GenerationState.Fetching;
                    g.QueuePosition = null;
                }, cancellationToken);
                await FetchAsync(held, client, succeeded.Outputs[0], cancellationToken);
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

    private async Task FetchAsync(HeldGeneration held, IHostedVideoClient client, HostedOutput output, CancellationToken cancellationToken)
    {
        var record = held.Record;
        // Names of this attempt only: a step that outlived its lease must never share files with the one that took over.
        var attempt = Guid.NewGuid().ToString("N");
        var download = Path.Combine(_folder.Temp, $"{record.Id:N}.{attempt}.download");
        var clip = Path.Combine(_folder.Temp, $"{record.Id:N}.{attempt}.clip.mp4");
        var outcome = new RenderWatch();
        string processing;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Downloading and finishing (ffmpeg) can outlast a short lease: keep it while they run.
        var keep = KeepLeaseAsync(record.Id, held.Owner, outcome, stop);
        try
        {
            await using (var file = File.Create(download))
            {
                await client.FetchResultAsync(output, file, ExpectedMedia.Video, stop.Token);
            }

            processing = await _finisher.FinishAsync(download, record, clip, stop.Token);
        }
        catch (OperationCanceledException) when (outcome.LeaseLost)
        {
            File.Delete(clip);
            throw new LeaseLostException(record.Id);
        }
        catch (UserErrorException ex)
        {
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

        await StoreAsync(held, clip, processing, cancellationToken);
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

    private async Task StoreAsync(HeldGeneration held, string clip, string? finishing, CancellationToken cancellationToken)
    {
        var (billed, source) = BilledCost.Of(held.Record);
        var item = await _gallery.StageAsync(held.Record, clip, cancellationToken);

        // One transaction: the item, the bill and "Succeeded" are committed together or not at all.
        await _store.UpdateAsync(held, g =>
        {
            if (billed is not null && g.BilledCostUsd is null)
            {
                g.BilledCostUsd = billed;
                g.BilledCostSource = source;
            }

            Finish(g, GenerationState.Succeeded);
            g.GalleryItemId = item.Id;
            g.Progress = 1;
            // The provenance copies the record as committed with it (bill, finish time).
            _gallery.Describe(item, g, finishing);
        }, CancellationToken.None, alongside: item);
        LogSucceeded(_logger, held.Id, item.Id);
    }

    /// <summary>
    /// A worker that died after storing the clip but before marking the generation: finish the bookkeeping. Items are
    /// now committed with "Succeeded", so only a generation stored by an earlier version of Previz can be in this state.
    /// </summary>
    private async Task<bool> CompleteIfStoredAsync(HeldGeneration held, CancellationToken cancellationToken)
    {
        var record = held.Record;
        if (record.State != GenerationState.Fetching && record.Kind == GenerationKind.Hosted)
        {
            return false;
        }

        var items = await _gallery.FindByGenerationAsync(record.Id, cancellationToken);
        if (items is null)
        {
            return false;
        }

        await _store.UpdateAsync(held, g =>
        {
            Finish(g, GenerationState.Succeeded);
            g.GalleryItemId = items.Id;
        }, cancellationToken);
        return true;
    }

    private Task<GenerationRecord> FailAsync(HeldGeneration held, string message, string? category, bool needsAttention, CancellationToken cancellationToken)
    {
        var safe = _redactor.Redact(message);
        LogFailed(_logger, held.Id, category ?? "error", safe);
        return _store.UpdateAsync(held, g =>
        {
            Finish(g, GenerationState.Failed);
            g.Error = safe;
            g.ErrorCategory = category;
            g.NeedsAttention = needsAttention;
        }, CancellationToken.None);
    }

    private void Finish(GenerationRecord record, GenerationState state)
    {
        record.State = state;
        record.FinishedAt = Now;
        record.QueuePosition = null;
    }

    /// <summary>
    /// A running hosted job whose last poll is done and whose next is not due: this is a second start of a poll (see
    /// <see cref="InProcessStepRunner"/>). A cancel request is acted on at once all the same. Without in-process steps
    /// each poll is one Hangfire delayed job, which may start up to a second early (Hangfire keeps due times in whole
    /// seconds): dropping it would end the job's polling.
    /// </summary>
    private bool IsPollDone(GenerationRecord record) =>
        _hostedStepsInProcess && record.State == GenerationState.Running && !record.CancelRequested && record.NextPollAt is { } due && Now < due - PollTolerance;

    /// <summary>
    /// Schedules the next poll and returns when it is due, for the caller to record as
    /// <see cref="GenerationRecord.NextPollAt"/>. Scheduled before it is recorded: a crash between the two leaves an
    /// extra status request, never a job that nobody polls again (the copy that finds the poll "done" does nothing).
    /// </summary>
    private DateTime PollAgain(Guid id, TimeSpan delay)
    {
        var due = Now + delay;
        _scheduler.Schedule(id, false, delay);
        return due;
    }

    /// <summary>Grows by half each time from the first delay to the cap; a long vendor queue waits longer.</summary>
    private TimeSpan Backoff(int attempt, int? queuePosition)
    {
        var delay = _options.FirstStatusDelay * Math.Pow(1.5, Math.Clamp(attempt - 1, 0, 20));
        if (queuePosition is > 0)
        {
            delay = Max(delay, TimeSpan.FromSeconds(queuePosition.Value));
        }

        return delay > _options.MaxStatusDelay ? _options.MaxStatusDelay : delay;
    }

    private static string VendorName(HostedProvider provider) => provider switch
    {
        HostedProvider.Fal => "fal",
        HostedProvider.Runway => "Runway",
        HostedProvider.Luma => "Luma",
        _ => provider.ToString(),
    };

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string VendorOf(GenerationRecord record) =>
        record.VendorRequestJson is { } json && JsonSerializer.Deserialize<StoredHostedRequest>(json, StudioJson.Options) is { } stored
            ? VendorName(stored.Provider)
            : "the vendor";

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} submitted to {Vendor} as {RequestId}")]
    private static partial void LogSubmitted(ILogger logger, Guid generationId, HostedProvider vendor, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} stored as gallery item {GalleryItemId}")]
    private static partial void LogSucceeded(ILogger logger, Guid generationId, Guid galleryItemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId} failed ({Category}): {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid generationId, string category, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: another worker took it over; this one stops")]
    private static partial void LogLeaseLost(ILogger logger, Guid generationId);

    private sealed class RenderWatch
    {
        public volatile bool CancelRequested;
        public volatile bool LeaseLost;
    }
}
