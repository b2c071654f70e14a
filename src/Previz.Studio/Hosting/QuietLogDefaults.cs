using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Previz.Studio.Hosting;

/// <summary>
/// The log levels a studio process starts with: Previz's own entries (jobs submitted, stored, failed) and the host's
/// start-up lines at information, the libraries under it only from warnings up. At information ASP.NET Core logs four
/// lines per request, Polly one per vendor call and Hangfire's SQLite storage one per cleanup, so a busy console buried
/// the lines a person reads it for. Any <c>Logging:LogLevel:*</c> setting (environment, arguments) still wins: these
/// sit below every other configuration source.
/// </summary>
public static class QuietLogDefaults
{
    private static readonly Dictionary<string, string?> Levels = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Polly"] = "Warning",
        ["Logging:LogLevel:Hangfire"] = "Warning",
    };

    public static void Apply(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Levels });
    }
}
