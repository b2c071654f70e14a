using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;
using Previz.Studio.Security;

namespace Previz.Studio.Jobs;

/// <summary>
/// Runs, in every process with workers, the hosted steps nobody is running: a generation whose poll is overdue by
/// <see cref="JobOptions.RecoverStepsAfter"/>, or whose state has not changed for that long, with no live lease on it.
/// That covers a step that kept failing, a process that died and was not restarted, and a Hangfire job that was lost
/// or stalled (a killed worker's fetched job or the delayed-job scheduler's lock). Each overdue generation is claimed
/// with one conditional update, so that of several sweeping processes exactly one schedules its step.
/// </summary>
public sealed partial class OverdueStepSweeper : IHostedService, IDisposable
{
    private readonly StudioDatabase _database;
    private readonly JobScheduler _scheduler;
    private readonly InProcessStepRunner? _runner;
    private readonly TimeProvider _time;
    private readonly SecretRedactor _redactor;
    private readonly ILogger<OverdueStepSweeper> _logger;
    private readonly TimeSpan _recoverAfter;
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _timer;
    private int _sweeping;

    /// <param name="runner">Where hosted steps run in-process: the steps it is running or gave up on are left to it.</param>
    public OverdueStepSweeper(StudioDatabase database, JobScheduler scheduler, StudioOptions options, TimeProvider time, SecretRedactor redactor, ILogger<OverdueStepSweeper> logger, InProcessStepRunner? runner = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _scheduler = scheduler;
        _runner = runner;
        _time = time;
        _redactor = redactor;
        _logger = logger;
        _recoverAfter = options.Jobs.RecoverStepsAfter;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var every = _recoverAfter / 3;
        every = every < TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : every > TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : every;
        _timer = _time.CreateTimer(static s => ((OverdueStepSweeper)s!).Sweep(), this, every, every);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        await _stopping.CancelAsync();
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _stopping.Dispose();
    }

    private void Sweep()
    {
        if (!_stopping.IsCancellationRequested && Interlocked.Exchange(ref _sweeping, 1) == 0)
        {
            _ = SweepAsync();
        }
    }

    private async Task SweepAsync()
    {
        try
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var overdue = now - _recoverAfter;
            await using var db = _database.CreateContext();
            var ids = await Overdue(db.Generations, now, overdue).Select(g => g.Id).ToListAsync(_stopping.Token);
            foreach (var id in ids)
            {
                if (_stopping.IsCancellationRequested || _runner?.IsHandling(id) == true)
                {
                    continue;
                }

                // The claim makes the generation due now and no longer overdue: another sweep finds nothing to do.
                var claimed = await Overdue(db.Generations.Where(g => g.Id == id), now, overdue).ExecuteUpdateAsync(
                    s => s.SetProperty(g => g.UpdatedAt, now)
                        .SetProperty(g => g.NextPollAt, g => g.State == GenerationState.Running ? now : g.NextPollAt)
                        .SetProperty(g => g.Revision, g => g.Revision + 1),
                    _stopping.Token);
                if (claimed == 1)
                {
                    LogRecovering(_logger, id);
                    _scheduler.Enqueue(id, false);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSweepFailed(_logger, ex.GetType().Name, _redactor.Redact(ex.Message));
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    /// <summary>Unfinished hosted generations with no live lease whose next step is overdue.</summary>
    private static IQueryable<GenerationRecord> Overdue(IQueryable<GenerationRecord> generations, DateTime now, DateTime overdue) =>
        generations.UnfinishedHosted().Where(g => (g.LeaseExpiresAt == null || g.LeaseExpiresAt < now)
            && (g.State == GenerationState.Running && !g.CancelRequested && g.NextPollAt != null ? g.NextPollAt < overdue : g.UpdatedAt < overdue));

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId}: its next step is overdue and nobody holds it; scheduling it")]
    private static partial void LogRecovering(ILogger logger, Guid generationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep for overdue hosted steps failed ({ErrorType}: {Error}); it runs again shortly")]
    private static partial void LogSweepFailed(ILogger logger, string errorType, string error);
}
