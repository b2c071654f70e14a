namespace Previz.Core.Tests;

/// <summary>Locates the repository's samples folder from the test output folder.</summary>
internal static class SampleScenes
{
    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples")))
            {
                dir = dir.Parent;
            }

            return dir is null ? throw new DirectoryNotFoundException("samples/ not found above the test folder") : Path.Combine(dir.FullName, "samples");
        }
    }

    public static string PathOf(string name) => Path.Combine(Folder, name);
}
