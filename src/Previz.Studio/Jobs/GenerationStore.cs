using System.Diagnostics;
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

    /// <summary>A lease owner for one step: this machine, this process and the step, as <c>machine/pid/step</c>.</summary>
    public static string NewLeaseOwner() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>
    /// Gives back the live leases that a process of this machine held and that no running process holds any more (it
    /// was killed): its steps resume as soon as the recovery finds them still, not a whole lease later. A process id
    /// taken again by another program keeps its lease until it runs out, as before.
    /// </summary>
    /// <returns>The generations whose lease was given back.</returns>
    public async Task<IReadOnlyList<Guid>> ReleaseDeadLocalLeasesAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var prefix = $"{Environment.MachineName}/";
        await using var db = _database.CreateContext();
        var held = await db.Generations
            .Where(g => g.LeaseOwner != null && g.LeaseExpiresAt != null && g.LeaseExpiresAt >= now && g.LeaseOwner.StartsWith(prefix))
            .Select(g => new { g.Id, g.LeaseOwner })
            .ToListAsync(cancellationToken);
        var released = new List<Guid>();
        foreach (var lease in held)
        {
            var parts = lease.LeaseOwner!.Split('/');
            if (parts.Length != 3 || !int.TryParse(parts[1], out var pid) || IsRunning(pid))
            {
                continue;
            }

            var owner = lease.LeaseOwner;
            if (await db.Generations.Where(g => g.Id == lease.Id && g.LeaseOwner == owner).ExecuteUpdateAsync(
                s => s.SetProperty(g => g.LeaseOwner, (string?)null).SetProperty(g => g.LeaseExpiresAt, (DateTime?)null).SetProperty(g => g.Revision, g => g.Revision + 1),
                cancellationToken) == 1)
            {
                released.Add(lease.Id);
            }
        }

        return released;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public async Task<GenerationRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.Generations.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
    }

    /// <summary>
    /// Takes the generation for <paramref name="owner"/> unless it is finished or another live worker holds it, and
    /// reads it for the step's writes: one conditional UPDATE … RETURNING (SQLite 3.35+, PostgreSQL), so of several
    /// workers one wins, and a step starts with one statement rather than a write and a read.
    /// </summary>
    /// <returns>The held generation (never finished), or null when it is finished, gone or held by another worker.</returns>
    public async Task<HeldGeneration?> TakeAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        var now = Now;
        var until = now + _options.Lease;
        var db = _database.CreateContext();
        try
        {
            GenerationRecord? record = null;
            // Not composable (EF would wrap it in a SELECT): read as it comes.
            await foreach (var taken in db.Generations.FromSql($"""
                UPDATE "generations" SET "LeaseOwner" = {owner}, "LeaseExpiresAt" = {until}, "Revision" = "Revision" + 1
                WHERE "Id" = {id}
                  AND "State" NOT IN ({nameof(GenerationState.Succeeded)}, {nameof(GenerationState.Failed)}, {nameof(GenerationState.Canceled)})
                  AND ("LeaseOwner" IS NULL OR "LeaseOwner" = {owner} OR "LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {now})
                RETURNING *
                """).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                record = taken;
            }

            if (record is not null)
            {
                return new HeldGeneration(db, record, owner);
            }

            await db.DisposeAsync();
            return null;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
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

    /// <summary>Moves a hosted generation's next poll to <paramref name="due"/> unless a worker holds it.</summary>
    public async Task DeferPollAsync(Guid id, DateTime due, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = _database.CreateContext();
        await db.Generations
            .Where(g => g.Id == id && (g.LeaseOwner == null || g.LeaseExpiresAt == null || g.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.NextPollAt, due).SetProperty(g => g.Revision, g => g.Revision + 1), cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the held record, commits it and publishes the new state. A concurrent
    /// write (the API's cancel request, a lease renewal) is merged by re-reading and applying again. A terminal state,
    /// or <paramref name="release"/>, gives the lease back in the same write (the step's last).
    /// <paramref name="durable"/> waits until the commit is on disk even on SQLite (see <see cref="SqliteSynchronousInterceptor"/>).
    /// <paramref name="alongside"/>, a new entity, is inserted in the same transaction.
    /// </summary>
    public async Task<GenerationRecord> UpdateAsync(
        HeldGeneration held,
        Action<GenerationRecord> change,
        CancellationToken cancellationToken,
        string? message = null,
        bool durable = false,
        bool release = false,
        object? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(change);
        if (held.Released)
        {
            throw new InvalidOperationException($"Generation {held.Id}: this step gave its lease back with its last write.");
        }

        var db = held.Db;
        var record = held.Record;
        var entry = db.Entry(record);
        if (alongside is not null)
        {
            db.Add(alongside);
        }

        for (var attempt = 0; ; attempt++)
        {
            if (record.LeaseOwner != held.Owner)
            {
                Forget(db, alongside);
                throw new LeaseLostException(held.Id);
            }

            var (releasing, logged) = Apply(db, record, change, message, release);
            var published = logged is not null;
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
                Forget(db, logged);
                await entry.ReloadAsync(cancellationToken);
                if (entry.State == EntityState.Detached)
                {
                    Forget(db, alongside);
                    throw new InvalidOperationException($"Generation {held.Id} no longer exists.");
                }

                continue;
            }
            catch
            {
                // Not written: the record goes back to what is committed, so a later write of the step saves only its own change.
                Forget(db, logged);
                Forget(db, alongside);
                entry.CurrentValues.SetValues(entry.OriginalValues);
                entry.State = EntityState.Unchanged;
                throw;
            }
            finally
            {
                if (durable)
                {
                    await SqliteSynchronousInterceptor.EndDurableCommitAsync(db);
                }
            }

            held.Released = releasing;
            if (published)
            {
                _changes.Committed();
            }

            return record;
        }
    }

    /// <summary>
    /// Applies the change and the bookkeeping that goes with every write: revision, time, the lease given back with a
    /// terminal state (or when asked), and the change-log row when anyone would hear about it.
    /// </summary>
    /// <returns>Whether the lease goes back with this write, and the change-log row added (null when nothing to publish).</returns>
    private (bool Releasing, GenerationChange? Logged) Apply(StudioDbContext db, GenerationRecord record, Action<GenerationRecord> change, string? message, bool release)
    {
        var before = (record.State, record.Progress, record.QueuePosition);
        change(record);
        record.Revision++;
        record.UpdatedAt = Now;
        var releasing = release || record.State.IsTerminal();
        if (releasing)
        {
            record.LeaseOwner = null;
            record.LeaseExpiresAt = null;
        }

        var published = before != (record.State, record.Progress, record.QueuePosition) || message is not null;
        // Same transaction as the change: other processes learn about it exactly when it is committed.
        return (releasing, published ? GenerationChangeLog.Append(db, record, message ?? record.Error, record.UpdatedAt) : null);
    }

    private static void Forget(StudioDbContext db, object? added)
    {
        if (added is not null)
        {
            db.Entry(added).State = EntityState.Detached;
        }
    }
}
