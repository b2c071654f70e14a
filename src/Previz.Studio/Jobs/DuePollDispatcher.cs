using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Previz.Studio.Jobs;

/// <summary>
/// Starts hosted status polls on time. Hangfire's SQLite storage moves due delayed jobs to the queue one at a time
/// (0.2–0.4 s each), so under load a 2 s poll ran a minute late. A timer per due poll enqueues the step the moment it
/// is due; the durable delayed job that <see cref="JobScheduler"/> writes beside it, later, covers a crash, and
/// <see cref="Persistence.GenerationRecord.NextPollAt"/> makes whichever copy comes second a no-op.
/// </summary>
public sealed partial class DuePollDispatcher : IHostedService, IDisposable
{
    private readonly IBackgroundJobClient _client;
    private readonly TimeProvider _time;
    private readonly ILogger<DuePollDispatcher> _logger;
    private readonly ConcurrentDictionary<DuePoll, byte> _pending = new();
    private volatile bool _stopped;

    public DuePollDispatcher(IBackgroundJobClient client, TimeProvider time, ILogger<DuePollDispatcher> logger)
    {
        _client = client;
        _time = time;
        _logger = logger;
    }

    /// <summary>Enqueues the hosted step of <paramref name="id"/> after <paramref name="delay"/>, unless the process stops first.</summary>
    public void Add(Guid id, TimeSpan delay)
    {
        if (_stopped)
        {
            return;
        }

        var due = new DuePoll(id);
        // Created stopped and started once held: the callback must find its entry to remove it.
        due.Timer = _time.CreateTimer(static s => ((DuePoll)s!).Owner!.Fire((DuePoll)s), due, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        due.Owner = this;
        _pending[due] = 0;
        due.Timer.Change(delay, Timeout.InfiniteTimeSpan);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        // Dropped timers are safe to lose: each has its durable fallback job.
        _stopped = true;
        foreach (var due in _pending.Keys)
        {
            if (_pending.TryRemove(due, out _))
            {
                due.Timer?.Dispose();
            }
        }
    }

    private void Fire(DuePoll due)
    {
        if (!_pending.TryRemove(due, out _))
        {
            return;
        }

        due.Timer?.Dispose();
        if (_stopped)
        {
            return;
        }

        try
        {
            _client.Enqueue<GenerationJobs>(j => j.HostedStepAsync(due.Id, CancellationToken.None));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The durable fallback job still runs this poll, only later.
            LogEnqueueFailed(_logger, ex, due.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: the due status poll could not be enqueued; its fallback job will run it")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, Guid generationId);

    private sealed class DuePoll(Guid id)
    {
        public Guid Id { get; } = id;

        public ITimer? Timer { get; set; }

        public DuePollDispatcher? Owner { get; set; }
    }
}
