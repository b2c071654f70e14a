using System.Diagnostics;
using Previz.Studio.Jobs;

namespace Previz.Studio.Tests.Jobs;

/// <summary>A process of this machine that ran and is gone, and the media-guard log it would have left.</summary>
internal static class DeadProcess
{
    /// <summary>Runs a short process to its end; returns the name its media-guard log would have.</summary>
    public static string LogName()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "0.2") { UseShellExecute = false })!;
        var started = process.StartTime.ToUniversalTime();
        process.WaitForExit();
        return MediaCrashGuard.LogName(Environment.MachineName, process.Id, started);
    }

    /// <summary>A media-guard log, in <paramref name="folder"/>, of a dead process that was working on <paramref name="generations"/>.</summary>
    public static string WriteLog(string folder, params Guid[] generations)
    {
        var log = Path.Combine(folder, LogName());
        File.WriteAllText(log, string.Concat(generations.Select(id => $"+{id:N}\n")));
        return log;
    }
}
