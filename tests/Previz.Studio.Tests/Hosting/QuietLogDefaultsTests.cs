using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Previz.Studio.Hosting;

namespace Previz.Studio.Tests.Hosting;

public sealed class QuietLogDefaultsTests
{
    [Theory]
    [InlineData("serve")]
    [InlineData("worker")]
    public async Task A_studio_process_logs_its_own_work_and_the_libraries_under_it_only_from_warnings_up(string role)
    {
        await using var host = Build(role);
        var logs = host.Services.GetRequiredService<ILoggerFactory>();
        Assert.True(logs.CreateLogger("Previz.Studio.Jobs.GenerationJobs").IsEnabled(LogLevel.Information));
        Assert.True(logs.CreateLogger("Microsoft.Hosting.Lifetime").IsEnabled(LogLevel.Information));
        foreach (var library in new[] { "Microsoft.AspNetCore.Hosting.Diagnostics", "Polly", "Hangfire.Storage.SQLite.ExpirationManager" })
        {
            Assert.False(logs.CreateLogger(library).IsEnabled(LogLevel.Information), library);
            Assert.True(logs.CreateLogger(library).IsEnabled(LogLevel.Warning), library);
        }
    }

    [Fact]
    public async Task A_log_level_set_by_the_user_wins_over_the_quiet_defaults()
    {
        await using var host = Build("serve", "--Logging:LogLevel:Microsoft.AspNetCore=Debug", "--Logging:LogLevel:Default=Warning");
        var logs = host.Services.GetRequiredService<ILoggerFactory>();
        Assert.True(logs.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Debug));
        Assert.False(logs.CreateLogger("Previz.Studio.Jobs.GenerationJobs").IsEnabled(LogLevel.Information));
    }

    private static BuiltHost Build(string role, params string[] settings)
    {
        var data = Path.Combine(Path.GetTempPath(), "previz-studio-tests", Guid.NewGuid().ToString("N"));
        string[] args = [$"--PREVIZ_DATA={data}", .. settings];
        IHost host = role == "serve" ? StudioHost.BuildServe(args, null) : StudioHost.BuildWorker(args);
        return new BuiltHost(host, data);
    }

    /// <summary>A host that is built, never started, and leaves no data folder behind.</summary>
    private sealed class BuiltHost(IHost host, string data) : IAsyncDisposable
    {
        public IServiceProvider Services => host.Services;

        public ValueTask DisposeAsync()
        {
            host.Dispose();
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }

            return ValueTask.CompletedTask;
        }
    }
}
