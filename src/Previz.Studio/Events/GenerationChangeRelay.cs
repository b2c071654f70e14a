using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;

namespace Previz.Studio.Events;

/// <summary>
/// Reads the change log (<see cref="GenerationChange"/>) in id order and publishes each change once to this process's
/// <see cref="GenerationEvents"/>, whichever process made it. It reads when a local commit wakes it, when PostgreSQL
/// notifies it (a trigger on the log sends <c>NOTIFY previz_generation_changes</c>), and at least every
/// <see cref="JobOptions.EventPollingInterval"/>.
/// </summary>
public sealed partial class GenerationChangeRelay : BackgroundService
{
    /// <summary>The PostgreSQL channel the log's insert trigger notifies (see the Postgres migration <c>GenerationChanges</c>).</summary>
    public const string Channel = "previz_generation_changes";

    // On PostgreSQL ids are handed out before commit, so id 11 can be visible while 10 is still committing: wait for a
    // missing id this long before deciding its transaction rolled back (a failed optimistic update does that).
    private static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Retention = TimeSpan.FromHours(1);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(5);
    private const int Batch = 500;
    private static readonly TimeSpan GatherTime = TimeSpan.FromMilliseconds(10);

    private readonly StudioDatabase _database;
    private readonly GenerationChangeLog _log;
    private readonly GenerationEvents _events;
    private readonly StudioOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GenerationChangeRelay> _logger;
    private long _watermark;
    private long? _gapAt;
    private DateTime _gapSince;
    private DateTime _prunedAt;

    public GenerationChangeRelay(StudioDatabase database, GenerationChangeLog log, GenerationEvents events, StudioOptions options, TimeProvider time, ILogger<GenerationChangeRelay> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _log = log;
        _events = events;
        _options = options;
        _time = time;
        _logger = logger;
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Subscribers hear about changes from now on; history stays in the records.
        await using (var db = _database.CreateContext())
        {
            _watermark = await db.GenerationChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        }

        _prunedAt = Now;
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = _options.UsesPostgres ? ListenAsync(stoppingToken) : Task.CompletedTask;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (await ReadAsync(stoppingToken) > 0)
                    {
                        // A busy server commits hundreds of changes a second: gathering them for a moment makes one
                        // read of many instead of one per commit, for a few milliseconds' later toast.
                        await Task.Delay(GatherTime, _time, stoppingToken);
                    }

                    await PruneIfDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogReadFailed(_logger, ex);
                }

                await _log.WaitAsync(_options.Jobs.EventPollingInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await listening;
    }

    /// <summary>Publishes every change committed since the last read, in id order; returns how many.</summary>
    internal async Task<int> ReadAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        while (true)
        {
            List<GenerationChange> changes;
            await using (var db = _database.CreateContext())
            {
                var after = _watermark;
                changes = await db.GenerationChanges.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(Batch).ToListAsync(cancellationToken);
            }

            foreach (var change in changes)
            {
                if (change.Id > _watermark + 1)
                {
                    var missing = _watermark + 1;
                    if (_gapAt != missing)
                    {
                        _gapAt = missing;
                        _gapSince = Now;
                    }

                    if (Now - _gapSince < GapTimeout)
                    {
                        // Keep the order: later changes wait until the missing one commits or is given up.
                        return published;
                    }
                }

                _gapAt = null;
                _watermark = change.Id;
                _events.Publish(new GenerationEvent(
                    change.GenerationId,
                    change.State,
                    change.Progress,
                    change.QueuePosition,
                    change.Message,
                    change.NeedsAttention,
                    DateTime.SpecifyKind(change.At, DateTimeKind.Utc)));
                published++;
            }

            if (changes.Count < Batch)
            {
                return published;
            }
        }
    }

    private async Task PruneIfDueAsync(CancellationToken cancellationToken)
    {
        if (Now - _prunedAt < PruneEvery)
        {
            return;
        }

        _prunedAt = Now;
        var before = Now - Retention;
        await using var db = _database.CreateContext();
        await db.GenerationChanges.Where(c => c.At < before && c.Id <= _watermark).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>PostgreSQL only: a dedicated connection that LISTENs and wakes the reader on every notification.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_options.Database);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => _log.Committed();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                // Anything committed while no connection listened is read now.
                _log.Committed();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                // Polling still delivers; try to listen again shortly.
                LogListenFailed(_logger, ex);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), _time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading generation changes failed; trying again")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for generation changes on PostgreSQL failed; polling until it works again")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
