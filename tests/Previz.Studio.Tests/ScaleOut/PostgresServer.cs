using System.Diagnostics;
using Npgsql;
using Previz.Studio.Tests.Processes;

namespace Previz.Studio.Tests.ScaleOut;

/// <summary>
/// A private PostgreSQL server for one test run: <c>initdb</c> in a temporary folder and <c>pg_ctl start</c> on a free
/// loopback port (run as the <c>postgres</c> user when the tests run as root, as CI does). Debian's
/// <c>postgresql</c> package comes from <c>scripts/install-deps.sh test</c>. <c>PREVIZ_TEST_POSTGRES</c> (a
/// connection string) uses an existing server instead.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string? _dataDir;
    private readonly string? _pgCtl;

    private PostgresServer(string adminConnectionString, string? dataDir, string? pgCtl)
    {
        AdminConnectionString = adminConnectionString;
        _dataDir = dataDir;
        _pgCtl = pgCtl;
    }

    public string AdminConnectionString { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("PREVIZ_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new PostgresServer(given, null, null);
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
        Assert.True(bin is not null, "PostgreSQL is not installed: run scripts/install-deps.sh test (apt-get install postgresql).");
        var root = Path.Combine(Path.GetTempPath(), $"previz-pg-{Guid.NewGuid():N}");
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", root], false);
        }

        var port = StudioProcess.FreePort();
        await RunAsync(Path.Combine(bin!, "initdb"), ["-D", data, "-A", "trust", "-U", "previz", "--no-sync", "-E", "UTF8"], asRoot);
        var pgCtl = Path.Combine(bin!, "pg_ctl");
        await RunAsync(pgCtl, ["-D", data, "-l", Path.Combine(root, "log"), "-w", "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", "start"], asRoot);
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=previz;Database=postgres", data, pgCtl);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"previz_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (_pgCtl is not null && _dataDir is not null)
        {
            await RunAsync(_pgCtl, ["-D", _dataDir, "-m", "immediate", "-w", "stop"], Environment.UserName == "root");
            try
            {
                Directory.Delete(Path.GetDirectoryName(_dataDir)!, true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task RunAsync(string file, string[] args, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr} {await stdout}");
    }
}
