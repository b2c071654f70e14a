using System.Diagnostics;

namespace Previz.Core.Tests.Sequences;

/// <summary>Runs Debian's xmllint (package libxml2-utils, installed by scripts/install-deps.sh) on a file.</summary>
internal static class Xmllint
{
    public static (int ExitCode, string Errors) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("xmllint") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process? started;
        try
        {
            started = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("xmllint is missing: install libxml2-utils (scripts/install-deps.sh test does).", e);
        }

        using var process = started ?? throw new InvalidOperationException("xmllint did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, errors.Result);
    }

    /// <summary>Writes <paramref name="text"/> under the test output's timeline-exports folder, kept as the run's record.</summary>
    public static string Keep(string fileName, string text)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "timeline-exports");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        File.WriteAllText(path, text);
        return path;
    }
}
