using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>
/// A generation while one step holds its lease: the record read in the statement that took the lease and tracked by one
/// context, so each of the step's writes is a single UPDATE (no read before it). <see cref="GenerationStore"/> keeps
/// it current: a write that meets a concurrent change (a cancel request, a renewed lease) re-reads and applies again.
/// </summary>
public sealed class HeldGeneration : IAsyncDisposable
{
    internal HeldGeneration(StudioDbContext db, GenerationRecord record, string owner)
    {
        Db = db;
        Record = record;
        Owner = owner;
    }

    public Guid Id => Record.Id;

    /// <summary>The record as last read or written by this step.</summary>
    public GenerationRecord Record { get; }

    /// <summary>Who holds the lease (this step).</summary>
    public string Owner { get; }

    /// <summary>The step's last write gave the lease back with it: nothing more may be written.</summary>
    public bool Released { get; internal set; }

    internal StudioDbContext Db { get; }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
