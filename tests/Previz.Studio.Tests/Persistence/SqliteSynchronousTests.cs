using Microsoft.EntityFrameworkCore;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;

namespace Previz.Studio.Tests.Persistence;

public sealed class SqliteSynchronousTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "previz-studio-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Record_connections_skip_the_fsync_per_commit_except_for_a_durable_commit()
    {
        var database = await MigratedDatabaseAsync();

        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await SynchronousAsync(db)); // NORMAL
            await SqliteSynchronousInterceptor.DurableCommitAsync(db, CancellationToken.None);
            Assert.Equal(2, await SynchronousAsync(db)); // FULL, for this context's commits
        }

        // The pooled connection comes back as NORMAL for the next user, though nobody ended the durable commit.
        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await SynchronousAsync(db));
        }
    }

    [Fact]
    public async Task An_ended_durable_commit_is_normal_again_at_once_and_gives_its_connection_back()
    {
        var database = await MigratedDatabaseAsync();

        await using var db = database.CreateContext();
        await SqliteSynchronousInterceptor.DurableCommitAsync(db, CancellationToken.None);
        await SqliteSynchronousInterceptor.EndDurableCommitAsync(db);

        Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
        Assert.Equal(1, await SynchronousAsync(db));
    }

    [Fact]
    public async Task Every_open_of_a_pooled_connection_waits_for_the_write_lock_instead_of_failing_busy()
    {
        var database = await MigratedDatabaseAsync();

        for (var i = 0; i < 3; i++)
        {
            await using var db = database.CreateContext();
            Assert.Equal(30000, await PragmaAsync(db, "busy_timeout"));
            Assert.Equal(1, await SynchronousAsync(db));
        }
    }

    private async Task<StudioDatabase> MigratedDatabaseAsync()
    {
        var folder = new DataFolder(_folder);
        folder.Create();
        var database = new StudioDatabase(new StudioOptions { DataFolder = _folder }, folder);
        await database.MigrateAsync(CancellationToken.None);
        return database;
    }

    private static Task<long> SynchronousAsync(StudioDbContext db) => PragmaAsync(db, "synchronous");

    private static async Task<long> PragmaAsync(StudioDbContext db, string pragma)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {pragma};";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, true);
        }
        catch (IOException)
        {
        }
    }
}
