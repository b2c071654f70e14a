using Microsoft.EntityFrameworkCore;

namespace Previz.Studio.Persistence;

/// <summary>The studio's records in PostgreSQL (<c>PREVIZ_DATABASE</c>), shared by several machines.</summary>
public sealed class PostgresStudioDbContext : StudioDbContext
{
    public PostgresStudioDbContext(DbContextOptions<PostgresStudioDbContext> options)
        : base(options)
    {
    }
}
