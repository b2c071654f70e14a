using Microsoft.EntityFrameworkCore;

namespace Previz.Studio.Persistence;

/// <summary>The studio's records in the embedded SQLite file (<c>previz.db</c> under the data folder).</summary>
public sealed class SqliteStudioDbContext : StudioDbContext
{
    public SqliteStudioDbContext(DbContextOptions<SqliteStudioDbContext> options)
        : base(options)
    {
    }
}
