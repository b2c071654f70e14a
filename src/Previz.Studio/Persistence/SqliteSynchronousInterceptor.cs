using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Previz.Studio.Persistence;

/// <summary>
/// Runs every SQLite connection of the records with <c>synchronous=NORMAL</c>. In WAL mode that keeps every commit
/// across a crash of the process and the file consistent across a power loss, but skips the fsync per commit that
/// made each of a job's ~10 small writes wait for the disk (5 ms each on these machines, serialized by SQLite's one
/// writer). The one write whose loss after a power cut would cost money, "Submitting" before a vendor call, asks for
/// <see cref="DurableCommitAsync"/>.
/// </summary>
public sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    /// <summary>
    /// Also lets SQLite wait for the write lock itself (its busy handler retries within milliseconds). Without it
    /// Microsoft.Data.Sqlite retries a busy statement every 150 ms, asleep on a pool thread: with 64 steps writing at
    /// once that added ~4 sleeping threads and seconds of delay to every job of the jobs benchmark.
    /// </summary>
    private const string ConnectionSettings = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = ConnectionSettings;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = ConnectionSettings;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Makes the next SaveChanges of <paramref name="db"/> wait until the commit (and every earlier one) is on disk.
    /// Nothing to do on PostgreSQL, which always does.
    /// </summary>
    public static async Task DurableCommitAsync(StudioDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return;
        }

        // The connection stays open until EndDurableCommitAsync (the interceptor would reset it at the next open).
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", cancellationToken);
    }

    /// <summary>
    /// After the durable SaveChanges: back to <c>synchronous=NORMAL</c> and the connection closed, so that a context
    /// that lives on (a step's held record) neither keeps a connection nor makes its later commits wait for the disk.
    /// </summary>
    public static async Task EndDurableCommitAsync(StudioDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite() || db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", CancellationToken.None);
        await db.Database.CloseConnectionAsync();
    }
}
