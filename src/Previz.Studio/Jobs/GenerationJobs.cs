using Hangfire;
using Hangfire.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Previz.Providers.Hosting;
using Previz.Rendering.Adherence;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;
using Previz.Studio.Scenes;
using Previz.Studio.Security;

namespace Previz.Studio.Jobs;

/// <summary>
/// The generation state machine, every step a Hangfire job: a Direct Render on the render queue; a hosted submit on
/// the hosted queue; and one recurring job that runs the status polls the records say are due (no thread waits for a
/// vendor, no job is written per poll) and puts stalled steps back on the queue. Hangfire may hand a job out again
/// after a worker died; the lease in the record makes that safe, and the state written before each side effect says
/// where to resume.
/// </summary>
public sealed partial class GenerationJobs
{
    private readonly GenerationStore _store;
    private readonly JobScheduler _scheduler;
    private readonly StudioDatabase _database;
    private readonly SceneStore _scenes;
    private readonly GalleryService _gallery;
    private readonly HostedVideoClients _clients;
    private readonly IResultFinisher _finisher;
    private readonly ClipAdherence _adherence;
    private readonly DataFolder _folder;
    private readonly JobOptions _options;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly ILogger<GenerationJobs> _logger;

    public GenerationJobs(
        GenerationStore store,
        JobScheduler scheduler,
        StudioDatabase database,
        SceneStore scenes,
        GalleryService gallery,
        HostedVideoClients clients,
        IResultFinisher finisher,
        ClipAdherence adherence,
        DataFolder folder,
        StudioOptions options,
        SecretRedactor redactor,
        TimeProvider time,
        ILogger<GenerationJobs> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _scheduler = scheduler;
        _database = database;
        _scenes = scenes;
        _gallery = gallery;
        _clients = clients;
        _finisher = finisher;
        _adherence = adherence;
        _folder = folder;
        _options = options.Jobs;
        _redactor = redactor;
        _time = time;
        _logger = logger;
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Hangfire retries of a step that threw (a bug, a fault of the disk or the database). Its own
    /// <c>RetryCount</c> says which attempt is running; the last one ends the generation Failed with the reason (see
    /// <see cref="WithLeaseAsync"/>). The delays stay under <see cref="JobOptions.RecoverStepsAfter"/>'s default, so
    /// the recovery does not queue a twin while a retry waits.
    /// </summary>
    private const int StepRetries = 3;

    /// <summary>The mode id of a generation that makes a still (<c>VisualizerMode.Image</c>).</summary>
    private const string StillMode = "image";

    /// <summary>Runs a Direct Render (on the render queue's few workers).</summary>
    /// <param name="context">Hangfire's, passed by Hangfire itself (enqueue with null): which attempt this is.</param>
    [Queue(JobQueues.Render)]
    [AutomaticRetry(Attempts = StepRetries, DelaysInSeconds = [1, 5, 15], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RenderStepAsync(Guid generationId, PerformContext? context, CancellationToken cancellationToken) =>
        WithLeaseAsync(generationId, held => held.Record.Kind == GenerationKind.DirectRender ? RenderAsync(held, cancellationToken) : Task.CompletedTask, cancellationToken, context);

    /// <summary>Sends a queued hosted generation to its vendor, once.</summary>
    /// <param name="context">Hangfire's, passed by Hangfire itself (enqueue with null): which attempt this is.</param>
    [Queue(JobQueues.Hosted)]
    [AutomaticRetry(Attempts = StepRetries, DelaysInSeconds = [1, 5, 15], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task SubmitStepAsync(Guid generationId, PerformContext? context, CancellationToken cancellationToken) =>
        WithLeaseAsync(generationId, held => held.Record.State switch
        {
            GenerationState.Queued => SubmitAsync(held, cancellationToken),
            GenerationState.Submitting => SubmitOutcomeUnknownAsync(held),
            _ => Task.CompletedTask,
        }, cancellationToken, context);

    /// <summary>
    /// The recurring job (every <see cref="JobOptions.DueStepsEverySeconds"/>): one status request for each hosted
    /// generation whose poll is due (a finished clip is fetched and stored in the same step), a cancel for each whose
    /// cancel was asked for, and the step of each generation that nobody has moved on for
    /// <see cref="JobOptions.RecoverStepsAfter"/> put back on its queue.
    /// </summary>
    [Queue(JobQueues.Hosted)]
    [AutomaticRetry(Attempts = 0)]
    [ShortLivedJob]
    public async Task RunDueStepsAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        await RecoverStalledAsync(now, cancellationToken);
        List<Guid> due;
        await using (var db = _database.CreateContext())
        {
            due = await db.Generations.PollsDue(now).OrderBy(g => g.NextPollAt).Select(g => g.Id).Take(_options.PollBatch).ToListAsync(cancellationToken);
        }

        await Parallel.ForEachAsync(
            due,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.PollConcurrency), CancellationToken = cancellationToken },
            async (id, token) => await PollStepAsync(id, token));
    }

    private async Task PollStepAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await WithLeaseAsync(id, held => IsPollDue(held.Record) ? PollDueAsync(held, cancellationToken) : Task.CompletedTask, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A fault of this poll (the database, a bug): the others go on, and this one is tried again after a backoff.
            LogStepFailed(_logger, id, ex.GetType().Name, _redactor.Redact(ex.Message));
            await _store.DeferPollAsync(id, Now + Backoff(2, null), CancellationToken.None);
        }
    }

    private Task PollDueAsync(HeldGeneration held, CancellationToken cancellationToken)
    {
        if (held.Record.NextPollAt is { } due && !held.Record.CancelRequested)
        {
            // What the jobs bench reads as step lateness: how long after its due time a poll starts.
            LogPollStarted(_logger, held.Id, (long)(Now - due).TotalMilliseconds);
        }

        return PollAsync(held, cancellationToken);
    }

    /// <summary>Due, as the recurring job found it, and not already done by a twin of the step that held the lease first.</summary>
    private bool IsPollDue(GenerationRecord record) =>
        record.Kind == GenerationKind.Hosted
        && record.State is GenerationState.Running or GenerationState.Fetching
        && (record.CancelRequested || record.NextPollAt is not { } due || due <= Now);

    /// <summary>
    /// Puts back on its queue the step of every generation that no lease holds and whose state has not changed for
    /// <see cref="JobOptions.RecoverStepsAfter"/>. One conditional update claims each, so of several processes running
    /// this job at once exactly one enqueues it.
    /// </summary>
    private async Task RecoverStalledAsync(DateTime now, CancellationToken cancellationToken)
    {
        var stale = now - _options.RecoverStepsAfter;
        // A restarted process need not wait out the leases its killed predecessor held.
        foreach (var released in await _store.ReleaseDeadLocalLeasesAsync(cancellationToken))
        {
            LogDeadLeaseReleased(_logger, released);
        }

        await using var db = _database.CreateContext();
        var stalled = await db.Generations.Stalled(now, stale).Select(g => new { g.Id, g.Kind }).Take(_options.PollBatch).ToListAsync(cancellationToken);
        foreach (var generation in stalled)
        {
            var claimed = await db.Generations.Where(g => g.Id == generation.Id).Stalled(now, stale).ExecuteUpdateAsync(
                s => s.SetProperty(g => g.UpdatedAt, now).SetProperty(g => g.Revision, g => g.Revision + 1),
                cancellationToken);
            if (claimed == 1)
            {
                LogRecovering(_logger, generation.Id);
                // Whatever the step that died left half-written (a render's MP4, a download): nobody holds it now.
                _folder.DeleteTempFilesOf(generation.Id);
                _scheduler.Start(generation.Id, generation.Kind == GenerationKind.DirectRender);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="step"/> on the generation while holding its lease. A generation that is finished, or held
    /// by another worker, is left alone: the holder moves it on, or the recurring job finds it once the lease ran out.
    /// A step that throws is tried again by Hangfire; on its last attempt (<paramref name="context"/>'s retry count
    /// reached <see cref="StepRetries"/>) the generation ends Failed with the reason instead, retryable by the user,
    /// rather than standing unfinished for the recovery to queue again without end.
    /// </summary>
    private async Task WithLeaseAsync(Guid id, Func<HeldGeneration, Task> step, CancellationToken cancellationToken, PerformContext? context = null)
    {
        var owner = GenerationStore.NewLeaseOwner();
        if (await _store.TakeAsync(id, owner, cancellationToken) is not { } held)
        {
            return;
        }

        try
        {
            await step(held);
        }
        catch (LeaseLostException)
        {
            LogLeaseLost(_logger, id);
        }
        catch (Exception ex) when (!held.Released && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            if (!await EndFailedStepAsync(held, ex, context))
            {
                throw;
            }
        }
        finally
        {
            if (!held.Released)
            {
                await _store.ReleaseAsync(id, owner, CancellationToken.None);
            }

            if (held.Record.State.IsTerminal())
            {
                _folder.DeleteTempFilesOf(id);
            }

            await held.DisposeAsync();
        }
    }

    /// <summary>
    /// After a step threw: a cancel asked for meanwhile ends the generation Canceled when nothing went to a vendor;
    /// the last attempt ends it Failed with the reason. False: Hangfire tries the step again.
    /// </summary>
    private async Task<bool> EndFailedStepAsync(HeldGeneration held, Exception ex, PerformContext? context)
    {
        var record = held.Record;
        var nothingSent = record.Kind == GenerationKind.DirectRender || record.State == GenerationState.Queued;
        if (nothingSent && (await _store.FindAsync(held.Id, CancellationToken.None))?.CancelRequested == true)
        {
            await _store.UpdateAsync(held, g => Finish(g, GenerationState.Canceled), CancellationToken.None);
            return true;
        }

        if (context is null || context.GetJobParameter<int>("RetryCount") < StepRetries)
        {
            return false;
        }

        await FailAsync(
            held,
            $"This step failed {StepRetries + 1} times; the last error was {ex.GetType().Name}: {ex.Message}",
            "step",
            // Between "Submitting" and the vendor's answer nobody knows whether the vendor has it.
            needsAttention: record.State == GenerationState.Submitting,
            CancellationToken.None);
        return true;
    }

    /// <param name="poster">The poster made with the clip, if any (else the gallery makes one).</param>
    /// <param name="readyAt">For a hosted clip: when the poll found it ready (a timestamp of the time provider).</param>
    /// <param name="stillContentType">For a still (Image mode): <c>image/png</c> or <c>image/jpeg</c>; null for a clip.</param>
    private async Task StoreAsync(HeldGeneration held, string clip, string? poster, string? finishing, long? readyAt, CancellationToken cancellationToken, MotionAdherence? adherence = null, string? stillContentType = null)
    {
        var (billed, source) = BilledCost.Of(held.Record);
        var item = stillContentType is null
            ? await _gallery.StageAsync(held.Record, clip, poster, cancellationToken)
            : await _gallery.StageStillAsync(held.Record, clip, stillContentType, poster, cancellationToken);

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
            _gallery.Describe(item, g, finishing, adherence);
        }, CancellationToken.None, alongside: item);
        if (readyAt is { } ready)
        {
            var readyToStored = (long)_time.GetElapsedTime(ready).TotalMilliseconds;
            LogStoredAfterReady(_logger, held.Id, item.Id, readyToStored);
        }
        else
        {
            LogSucceeded(_logger, held.Id, item.Id);
        }
    }

    /// <summary>A cancel asked for before the first step began: nothing was sent or rendered, so it ends here.</summary>
    private async Task<bool> CanceledBeforeStartAsync(HeldGeneration held, CancellationToken cancellationToken)
    {
        if (!held.Record.CancelRequested)
        {
            return false;
        }

        await _store.UpdateAsync(held, g => Finish(g, GenerationState.Canceled), cancellationToken);
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
        StoredPlan.Of(record).Request is { } request ? VendorName(request.Provider) : "the vendor";

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} submitted to {Vendor} as {RequestId}")]
    private static partial void LogSubmitted(ILogger logger, Guid generationId, HostedProvider vendor, string requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} stored as gallery item {GalleryItemId}")]
    private static partial void LogSucceeded(ILogger logger, Guid generationId, Guid galleryItemId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId} stored as gallery item {GalleryItemId}, {ReadyToStoredMs} ms after the vendor said it was ready")]
    private static partial void LogStoredAfterReady(ILogger logger, Guid generationId, Guid galleryItemId, long readyToStoredMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Generation {GenerationId}: poll started {LatenessMs} ms after it was due")]
    private static partial void LogPollStarted(ILogger logger, Guid generationId, long latenessMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Generation {GenerationId}: submit started {LatenessMs} ms after it was queued")]
    private static partial void LogSubmitStarted(ILogger logger, Guid generationId, long latenessMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId} failed ({Category}): {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid generationId, string category, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId}: its step has not moved for a while and nobody holds it; queuing it again")]
    private static partial void LogRecovering(ILogger logger, Guid generationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId}: the process that held it on this machine is gone; its lease is released")]
    private static partial void LogDeadLeaseReleased(ILogger logger, Guid generationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: its status poll failed ({ErrorType}: {Error}); it is tried again shortly")]
    private static partial void LogStepFailed(ILogger logger, Guid generationId, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: another worker took it over; this one stops")]
    private static partial void LogLeaseLost(ILogger logger, Guid generationId);

    private sealed class RenderWatch
    {
        public volatile bool CancelRequested;
        public volatile bool LeaseLost;
    }
}
