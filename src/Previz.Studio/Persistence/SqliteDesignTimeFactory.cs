using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Previz.Studio.Persistence;

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteStudioDbContext</c> build the context.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteStudioDbContext>
{
    public SqliteStudioDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteStudioDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
