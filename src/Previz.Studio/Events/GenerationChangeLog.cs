using Previz.Studio.Persistence;

namespace Previz.Studio.Events;

/// <summary>
/// The writing side of the change log: a state change adds its <see cref="GenerationChange"/> to the same unit of work
/// as the change, and after the commit wakes this process's <see cref="GenerationChangeRelay"/> so that local changes
/// reach subscribers at once (other processes' changes arrive by polling, or by NOTIFY on PostgreSQL).
/// </summary>
public sealed class GenerationChangeLog : IDisposable
{
    // At most one pending wake-up: several commits between two reads need one read.
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Adds the change of <paramref name="record"/> to <paramref name="db"/>; it is written with the next SaveChanges.</summary>
    public static GenerationChange Append(StudioDbContext db, GenerationRecord record, string? message, DateTime at)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(record);
        var change = new GenerationChange
        {
            GenerationId = record.Id,
            State = record.State,
            Progress = record.Progress,
            QueuePosition = record.QueuePosition,
            Message = message,
            NeedsAttention = record.NeedsAttention,
            At = at,
        };
        db.GenerationChanges.Add(change);
        return change;
    }

    /// <summary>Call after committing changes: the relay reads the log now instead of at its next poll.</summary>
    public void Committed()
    {
        if (_wake.CurrentCount > 0)
        {
            return; // a wake-up is already pending: no exception to throw and catch for every commit of a busy server
        }

        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A wake-up is already pending.
        }
        catch (ObjectDisposedException)
        {
            // The process is shutting down; nobody reads any more.
        }
    }

    /// <summary>Waits until <see cref="Committed"/> is called or <paramref name="timeout"/> passes.</summary>
    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _wake.Dispose();
}
