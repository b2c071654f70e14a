using Microsoft.EntityFrameworkCore;
using Previz.Studio.Events;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>
/// Reads and writes generation records for workers: a lease so that a job Hangfire hands out twice (after a worker
/// vanished) never runs twice at once, and state changes that are committed one by one, each with its entry in the change log.
/// </summary>
public sealed class GenerationStore
{
    private readonly StudioDatabase _database;
    private readonly GenerationChangeLog _changes;
    private readonly TimeProvider _time;
    private readonly JobOptions _options;

    public GenerationStore(StudioDatabase database, GenerationChangeLog changes, TimeProvider time, StudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _changes = changes;
        _time = time;
        _options = options.Jobs;
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    public async Task<GenerationRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.Generations.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
    }

    /// <summary>Takes the generation for <paramref name="owner"/> unless another live worker holds it.</summary>
    public async Task<LeaseOutcome> TryAcquireAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        var now = Now;
        var until = now + _options.Lease;
        await using var db = _database.CreateContext();
        var taken = await db.Generations
            .Where(g => g.Id == id && (g.LeaseOwner == null || g.LeaseOwner == owner || g.LeaseExpiresAt == null || g.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(
                s => s.SetProperty(g => g.LeaseOwner, owner).SetProperty(g => g.LeaseExpiresAt, until).SetProperty(g => g.Revision, g => g.Revision + 1),
                cancellationToken);
        if (taken == 1)
        {
            return new LeaseOutcome(true, until);
        }

        var heldUntil = await db.Generations.Where(g => g.Id == id).Select(g => g.LeaseExpiresAt).FirstOrDefaultAsync(cancellationToken);
        return new LeaseOutcome(false, heldUntil);
    }

    /// <summary>Extends the lease; false when it was lost (the worker must stop).</summary>
    public async Task<bool> RenewAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        var until = Now + _options.Lease;
        await using var db = _database.CreateContext();
        return await db.Generations
            .Where(g => g.Id == id && g.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.LeaseExpiresAt, until).SetProperty(g => g.Revision, g => g.Revision + 1), cancellationToken) == 1;
    }

    public async Task ReleaseAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        await db.Generations
            .Where(g => g.Id == id && g.LeaseOwner == owner)
            .ExecuteUpdateAsync(
                s => s.SetProperty(g => g.LeaseOwner, (string?)null).SetProperty(g => g.LeaseExpiresAt, (DateTime?)null).SetProperty(g => g.Revision, g => g.Revision + 1),
                cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the record held by <paramref name="owner"/>, commits it and publishes the
    /// new state. Concurrent writes by the API (a cancel request) are merged by re-reading and applying again.
    /// <paramref name="durable"/> waits until the commit is on disk even on SQLite (see <see cref="SqliteSynchronousInterceptor"/>).
    /// </summary>
    public async Task<GenerationRecord> UpdateAsync(Guid id, string owner, Action<GenerationRecord> change, CancellationToken cancellationToken, string? message = null, bool durable = false)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; ; attempt++)
        {
            await using var db = _database.CreateContext();
            var record = await db.Generations.FirstOrDefaultAsync(g => g.Id == id, cancellationToken)
                ?? throw new InvalidOperationException($"Generation {id} no longer exists.");
            if (record.LeaseOwner != owner)
            {
                throw new LeaseLostException(id);
            }

            var before = (record.State, record.Progress, record.QueuePosition);
            change(record);
            record.Revision++;
            record.UpdatedAt = Now;
            var published = before != (record.State, record.Progress, record.QueuePosition) || message is not null;
            if (published)
            {
                // Same transaction as the change: other processes learn about it exactly when it is committed.
                GenerationChangeLog.Append(db, record, message ?? record.Error, record.UpdatedAt);
            }

            try
            {
                if (durable)
                {
                    await SqliteSynchronousInterceptor.DurableCommitAsync(db, cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 10)
            {
                continue;
            }

            if (published)
            {
                _changes.Committed();
            }

            return record;
        }
    }
}
