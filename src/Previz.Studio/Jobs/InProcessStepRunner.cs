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
/// ran minutes late, and each Hangfire worker blocks a thread on its async step. <see cref="JobScheduler"/> writes a
/// durable Hangfire job for every step before it calls <see cref="Run"/>; that copy is due later and finds the step
/// done (the generation's state, lease and <see cref="Persistence.GenerationRecord.NextPollAt"/> say so), so it only
/// acts after a crash or a failed in-process run.
/// </summary>
public sealed partial class InProcessStepRunner : IHostedService, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly StudioDatabase _database;
    private readonly TimeProvider _time;
    private readonly SecretRedactor _redactor;
    private readonly ILogger<InProcessStepRunner> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<DueStep, byte> _timers = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private volatile bool _accepting = true;

    public InProcessStepRunner(IServiceScopeFactory scopes, StudioDatabase database, StudioOptions options, TimeProvider time, SecretRedactor redactor, ILogger<InProcessStepRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _scopes = scopes;
        _database = database;
        _time = time;
        _redactor = redactor;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, options.Jobs.InProcessConcurrency));
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
            Start(id);
            return;
        }

        var due = new DueStep(id, this);
        // Created stopped and started once held: the callback must find its entry to remove it.
        due.Timer = _time.CreateTimer(static s => ((DueStep)s!).Fire(), due, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timers[due] = 0;
        due.Timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Picks up the hosted generations a previous run of the process left unfinished, each at the time its next step
    /// is due, instead of waiting for their durable copies (the database migrator has run: it starts first).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var unfinished = await db.Generations.AsNoTracking()
            .Where(g => g.Kind == GenerationKind.Hosted && (g.State == GenerationState.Queued || g.State == GenerationState.Submitting
                || g.State == GenerationState.Running || g.State == GenerationState.Fetching))
            .Select(g => new { g.Id, g.State, g.NextPollAt })
            .ToListAsync(cancellationToken);
        var now = _time.GetUtcNow().UtcDateTime;
        foreach (var g in unfinished)
        {
            Run(g.Id, g.State == GenerationState.Running && g.NextPollAt is { } due ? due - now : TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Drops the timers (each step has its durable copy) and lets running steps finish while the host allows: a step
    /// cut off between "Submitting" and the vendor's answer would leave the job for a person to check.
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
        if (_timers.TryRemove(due, out _) && _accepting)
        {
            due.Timer?.Dispose();
            Start(due.Id);
        }
    }

    private void Start(Guid id)
    {
        var task = RunStepAsync(id);
        _running[task] = 0;
        _ = task.ContinueWith(t => _running.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunStepAsync(Guid id)
    {
        var stopping = _stopping.Token;
        try
        {
            await _slots.WaitAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<GenerationJobs>().HostedStepAsync(id, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the durable copy resumes the step.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The durable copy retries it with Hangfire's retry policy.
            LogStepFailed(_logger, id, ex.GetType().Name, _redactor.Redact(ex.Message));
        }
        finally
        {
            _slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: the in-process step failed ({ErrorType}: {Error}); its durable Hangfire copy will retry it")]
    private static partial void LogStepFailed(ILogger logger, Guid generationId, string errorType, string error);

    private sealed class DueStep(Guid id, InProcessStepRunner owner)
    {
        public Guid Id { get; } = id;

        public ITimer? Timer { get; set; }

        public void Fire() => owner.Fire(this);
    }
}
