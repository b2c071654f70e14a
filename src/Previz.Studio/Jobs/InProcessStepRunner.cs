using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;
using Previz.Studio.Security;

namespace Previz.Studio.Jobs;

/// <summary>
/// Runs hosted-model steps in this process the moment they are due. Hangfire's SQLite storage hands out queued jobs
/// once per poll interval and moves due delayed jobs one at a time (0.2–0.4 s each), so under load a 2 s status poll
/// ran minutes late, and writing a Hangfire job per step was the largest single cost of a hosted job. The records
/// say what each generation needs next (state, lease, <see cref="GenerationRecord.NextPollAt"/>), so nothing else
/// has to be stored: on start the runner picks up what a previous run left unfinished, a failed step is retried
/// after 1, 2, 5, 10 and 30 s, and <see cref="OverdueStepSweeper"/> schedules any step overdue with no lease held.
/// A step that runs twice is harmless: the lease admits one at a time and a poll that is not due does nothing.
/// </summary>
public sealed partial class InProcessStepRunner : IHostedService, IDisposable
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    private readonly IServiceScopeFactory _scopes;
    private readonly StudioDatabase _database;
    private readonly TimeProvider _time;
    private readonly SecretRedactor _redactor;
    private readonly ILogger<InProcessStepRunner> _logger;
    /// <summary>Slots of the steps asked for now: a new generation's submit, a cancel, a retry, a recovered step.</summary>
    private readonly SemaphoreSlim _nowSlots;

    /// <summary>
    /// Slots of the steps a timer brings due: status polls and the downloads they lead to. Apart from
    /// <see cref="_nowSlots"/>, so a submit, which starts the vendor's clock, never waits behind a crowd of polls and
    /// downloads that came due together (under load that wait was most of a late job's lateness).
    /// </summary>
    private readonly SemaphoreSlim _dueSlots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<DueStep, byte> _timers = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>Generations with a step waiting for a slot or running here, and how many: the sweep leaves them alone.</summary>
    private readonly ConcurrentDictionary<Guid, int> _active = new();

    /// <summary>Failures in a row of a generation's steps in this process.</summary>
    private readonly ConcurrentDictionary<Guid, int> _failures = new();

    private volatile bool _accepting = true;

    public InProcessStepRunner(IServiceScopeFactory scopes, StudioDatabase database, StudioOptions options, TimeProvider time, SecretRedactor redactor, ILogger<InProcessStepRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _database = database;
        _time = time;
        _redactor = redactor;
        _logger = logger;
        _nowSlots = new SemaphoreSlim(Math.Max(1, options.Jobs.InProcessConcurrency));
        _dueSlots = new SemaphoreSlim(Math.Max(1, options.Jobs.InProcessConcurrency));
    }

    /// <summary>Runs the hosted step of <paramref name="id"/> after <paramref name="delay"/>, unless the process stops first.</summary>
    public void Run(Guid id, TimeSpan delay)
    {
        if (!_accepting)
        {
            return;
        }

        if (delay <= TimeSpan.Zero)
        {
            Start(id, _nowSlots);
            return;
        }

        var due = new DueStep(id, this, _time.GetTimestamp(), delay);
        // Created stopped and started once held: the callback must find its entry to remove it.
        due.Timer = _time.CreateTimer(static s => ((DueStep)s!).Fire(), due, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timers[due] = 0;
        due.Timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Whether a step of <paramref name="id"/> waits for a slot or runs here, or this process gave up on it.</summary>
    public bool IsHandling(Guid id) =>
        _active.ContainsKey(id) || (_failures.TryGetValue(id, out var failures) && failures > RetryDelays.Length);

    /// <summary>
    /// Picks up the hosted generations a previous run of the process left unfinished, each at the time its next step
    /// is due (the database migrator has run: it starts first).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = _database.CreateContext())
        {
            var unfinished = await db.Generations.AsNoTracking().UnfinishedHosted()
                .Select(g => new { g.Id, g.State, g.NextPollAt })
                .ToListAsync(cancellationToken);
            var now = _time.GetUtcNow().UtcDateTime;
            foreach (var g in unfinished)
            {
                Run(g.Id, g.State == GenerationState.Running && g.NextPollAt is { } due ? due - now : TimeSpan.Zero);
            }
        }
    }

    /// <summary>
    /// Stops the timers (the records keep what is due) and lets running steps finish while the host
    /// allows: a step cut off between "Submitting" and the vendor's answer would leave the job for a person to check.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        DropTimers();
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout: cancel what is left.
        }
        finally
        {
            await _stopping.CancelAsync();
        }
    }

    public void Dispose()
    {
        // The host disposes it after StopAsync; the token source stays undisposed for steps still finishing.
        DropTimers();
        if (!_stopping.IsCancellationRequested)
        {
            _stopping.Cancel();
        }
    }

    private void DropTimers()
    {
        _accepting = false;
        foreach (var due in _timers.Keys)
        {
            if (_timers.TryRemove(due, out _))
            {
                due.Timer?.Dispose();
            }
        }
    }

    private void Fire(DueStep due)
    {
        // Timers count whole milliseconds of a coarse clock and fire up to 1 ms early (measured here: 37 of 200). A
        // poll is due at the vendor's stated time or after its Retry-After: sent a hair early, it finds the clip not
        // ready and waits a whole backoff (3 s at first). So an early timer is set again for the rest.
        var left = due.Delay - _time.GetElapsedTime(due.Started);
        if (left > TimeSpan.Zero && _timers.ContainsKey(due))
        {
            try
            {
                due.Timer?.Change(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), Timeout.InfiniteTimeSpan);
                return;
            }
            catch (ObjectDisposedException)
            {
                return; // the process is stopping: the record keeps what is due
            }
        }

        if (_timers.TryRemove(due, out _) && _accepting)
        {
            due.Timer?.Dispose();
            Start(due.Id, _dueSlots);
        }
    }

    private void Start(Guid id, SemaphoreSlim slots)
    {
        _active.AddOrUpdate(id, 1, (_, count) => count + 1);
        var task = RunStepAsync(id, slots);
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunStepAsync(Guid id, SemaphoreSlim slots)
    {
        var stopping = _stopping.Token;
        try
        {
            try
            {
                await slots.WaitAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await using var scope = _scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<GenerationJobs>().HostedStepAsync(id, stopping);
                _failures.TryRemove(id, out _);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                // Stopping: the next start picks the step up from the records.
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var failures = _failures.AddOrUpdate(id, 1, (_, count) => count + 1);
                var error = _redactor.Redact(ex.Message);
                if (failures <= RetryDelays.Length)
                {
                    LogStepFailed(_logger, id, ex.GetType().Name, error, RetryDelays[failures - 1].TotalSeconds);
                    Run(id, RetryDelays[failures - 1]);
                }
                else
                {
                    LogStepGaveUp(_logger, id, failures, ex.GetType().Name, error);
                }
            }
            finally
            {
                slots.Release();
            }
        }
        finally
        {
            Leave(id);
        }
    }

    private void Leave(Guid id)
    {
        while (_active.TryGetValue(id, out var count))
        {
            if (count <= 1 ? _active.TryRemove(KeyValuePair.Create(id, count)) : _active.TryUpdate(id, count - 1, count))
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: the in-process step failed ({ErrorType}: {Error}); trying again in {Seconds} s")]
    private static partial void LogStepFailed(ILogger logger, Guid generationId, string errorType, string error, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Generation {GenerationId}: the in-process step failed {Failures} times in a row ({ErrorType}: {Error}); this process leaves it in its state for a retry or a restart")]
    private static partial void LogStepGaveUp(ILogger logger, Guid generationId, int failures, string errorType, string error);

    private sealed class DueStep(Guid id, InProcessStepRunner owner, long started, TimeSpan delay)
    {
        public Guid Id { get; } = id;

        /// <summary>When the step was scheduled (a <see cref="TimeProvider.GetTimestamp"/>).</summary>
        public long Started { get; } = started;

        /// <summary>How long after <see cref="Started"/> it is due.</summary>
        public TimeSpan Delay { get; } = delay;

        public ITimer? Timer { get; set; }

        public void Fire() => owner.Fire(this);
    }
}
