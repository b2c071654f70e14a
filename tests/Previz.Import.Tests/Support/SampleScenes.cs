namespace Previz.Import.Tests.Support;

/// <summary>Locates the repository's samples folder from the test output folder.</summary>
internal static class SampleScenes
{
    public static string PathOf(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples")))
        {
            dir = dir.Parent;
        }

        return dir is null ? throw new DirectoryNotFoundException("samples/ not found above the test folder") : Path.Combine(dir.FullName, "samples", name);
    }
}
