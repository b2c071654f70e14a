namespace Previz.Studio.Tests.EndToEnd;

/// <summary>The repository's root folder: the first folder above the test output that holds <c>Previz.slnx</c>.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Previz.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Previz.slnx above {AppContext.BaseDirectory}.");
    }
}
