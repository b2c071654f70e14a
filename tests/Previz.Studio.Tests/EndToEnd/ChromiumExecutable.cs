namespace Previz.Studio.Tests.EndToEnd;

/// <summary>Debian's <c>chromium</c>, found on PATH: Playwright drives it instead of a downloaded browser.</summary>
public static class ChromiumExecutable
{
    public const string InstallHint = "install chromium: apt-get install -y chromium (scripts/install-deps.sh test does)";

    public static string Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(folder, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No chromium on PATH ({path}): {InstallHint}.");
    }
}
