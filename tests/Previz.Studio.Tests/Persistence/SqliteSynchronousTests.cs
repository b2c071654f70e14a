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
        var options = new StudioOptions { DataFolder = _folder };
        var folder = new DataFolder(_folder);
        folder.Create();
        var database = new StudioDatabase(options, folder);
        await database.MigrateAsync(CancellationToken.None);

        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await SynchronousAsync(db)); // NORMAL
            await SqliteSynchronousInterceptor.DurableCommitAsync(db, CancellationToken.None);
            Assert.Equal(2, await SynchronousAsync(db)); // FULL, for this context's commits
        }

        // The pooled connection comes back as NORMAL for the next user.
        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await SynchronousAsync(db));
        }
    }

    private static async Task<long> SynchronousAsync(StudioDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
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
