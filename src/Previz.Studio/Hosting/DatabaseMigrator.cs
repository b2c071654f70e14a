using Microsoft.Extensions.Hosting;
using Previz.Studio.Persistence;

namespace Previz.Studio.Hosting;

/// <summary>Applies migrations before anything else starts (registered before the Hangfire servers).</summary>
public sealed class DatabaseMigrator : IHostedService
{
    private readonly StudioDatabase _database;

    public DatabaseMigrator(StudioDatabase database) => _database = database;

    public Task StartAsync(CancellationToken cancellationToken) => _database.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
