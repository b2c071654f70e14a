using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Previz.Studio.Persistence;

/// <summary>
/// Runs every SQLite connection of the records with <c>synchronous=NORMAL</c>. In WAL mode that keeps every commit
/// across a crash of the process and the file consistent across a power loss, but skips the fsync per commit that
/// would make each of a job's small writes wait for the disk, one after another behind SQLite's one writer. The one write whose loss after a power cut would cost money, "Submitting" before a vendor call, asks for
/// <see cref="DurableCommitAsync"/>.
/// </summary>
public sealed class SqliteSynchronousInterceptor : DbConnectionInterceptor
{
    /// <summary>
    /// Also lets SQLite wait for the write lock itself (its busy handler retries within milliseconds). Without it
    /// Microsoft.Data.Sqlite retries a busy statement every 150 ms, asleep on a pool thread: with many steps writing at
    /// once, threads sleep and every job waits.
    /// </summary>
    private const string ConnectionSettings = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    /// <summary>
    /// The SQLite handles already set up. Settings stay with the handle, which Microsoft.Data.Sqlite's pool keeps open
    /// across logical opens: running the pragmas at every open was one more statement for each of a job's reads and
    /// writes. A durable commit takes its handle out until it is set back.
    /// </summary>
    private static readonly ConditionalWeakTable<object, object> Configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (TakeUnconfigured(connection) is { } handle)
        {
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionSettings;
            command.ExecuteNonQuery();
            Configured.AddOrUpdate(handle, handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (TakeUnconfigured(connection) is { } handle)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = ConnectionSettings;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            Configured.AddOrUpdate(handle, handle);
        }
    }

    /// <summary>The connection's SQLite handle when it has not been set up yet (a new one from the pool), else null.</summary>
    private static object? TakeUnconfigured(DbConnection connection)
    {
        var handle = HandleOf(connection);
        return Configured.TryGetValue(handle, out _) ? null : handle;
    }

    private static object HandleOf(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection is SqliteConnection { Handle: { } sqlite } ? sqlite : connection;
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

        // The connection stays open until EndDurableCommitAsync, which sets it back before the pool has it again.
        await db.Database.OpenConnectionAsync(cancellationToken);
        // Should the context go back to the pool without EndDurableCommitAsync, the next open sets NORMAL again.
        Configured.Remove(HandleOf(db.Database.GetDbConnection()));
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

        var connection = db.Database.GetDbConnection();
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", CancellationToken.None);
        var handle = HandleOf(connection);
        Configured.AddOrUpdate(handle, handle);
        await db.Database.CloseConnectionAsync();
    }
}
