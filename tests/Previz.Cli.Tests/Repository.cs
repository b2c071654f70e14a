namespace Previz.Cli.Tests;

/// <summary>Paths in the repository, found from the test output folder.</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Previz.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new DirectoryNotFoundException("Previz.slnx not found above the test folder");
        }
    }

    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "previz-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
