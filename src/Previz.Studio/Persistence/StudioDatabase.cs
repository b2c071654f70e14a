using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Previz.Studio.Hosting;

namespace Previz.Studio.Persistence;

/// <summary>Creates contexts for the configured database and applies migrations on start.</summary>
public sealed class StudioDatabase
{
    private readonly PooledDbContextFactory<SqliteStudioDbContext>? _sqlite;
    private readonly PooledDbContextFactory<PostgresStudioDbContext>? _postgres;

    public StudioDatabase(StudioOptions options, DataFolder folder)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(folder);
        if (options.UsesPostgres)
        {
            _postgres = new PooledDbContextFactory<PostgresStudioDbContext>(new DbContextOptionsBuilder<PostgresStudioDbContext>().UseNpgsql(options.Database).Options);
        }
        else
        {
            var connection = new SqliteConnectionStringBuilder
            {
                DataSource = folder.Database,
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();
            _sqlite = new PooledDbContextFactory<SqliteStudioDbContext>(
                new DbContextOptionsBuilder<SqliteStudioDbContext>().UseSqlite(connection).AddInterceptors(new SqliteSynchronousInterceptor()).Options);
        }
    }

    /// <summary>"PostgreSQL" or "SQLite".</summary>
    public string ProviderName => _postgres is not null ? "PostgreSQL" : "SQLite";

    /// <summary>
    /// A context from the pool: a job's step opens several short ones, and each new context would set up its internal
    /// services again. Disposing it returns it.
    /// </summary>
    public StudioDbContext CreateContext() =>
        _postgres is not null ? _postgres.CreateDbContext() : _sqlite!.CreateDbContext();

    /// <summary>Brings the schema up to date (EF Core takes a migration lock, so several processes may start at once).</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
        if (_sqlite is not null)
        {
            // Readers do not block the writer; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
