using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Previz.Studio.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresStudioDbContext</c> build the context (no server needed).</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresStudioDbContext>
{
    public PostgresStudioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresStudioDbContext>().UseNpgsql("Host=localhost;Database=previz_design").Options);
}
