namespace Previz.Studio.Hosting;

/// <summary>
/// The data folder and the paths inside it: <c>previz.db</c>, <c>hangfire.db</c>, <c>media/</c>, <c>scenes/</c> (with
/// <c>scenes/meshes/</c>), <c>images/</c>, <c>tmp/</c>. Nothing is written outside it.
/// </summary>
public sealed class DataFolder
{
    public DataFolder(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string Database => Path.Combine(Root, "previz.db");

    public string HangfireDatabase => Path.Combine(Root, "hangfire.db");

    public string Media => Path.Combine(Root, "media");

    public string Scenes => Path.Combine(Root, "scenes");

    /// <summary>
    /// Uploaded meshes, content-addressed (<c>&lt;sha256&gt;.glb</c>) beside the stored scenes, so a stored scene names
    /// one as <c>"mesh": "meshes/&lt;sha256&gt;.glb"</c>, relative to its own file as any scene does.
    /// </summary>
    public string Meshes => Path.Combine(Scenes, "meshes");

    public string Images => Path.Combine(Root, "images");

    public string Temp => Path.Combine(Root, "tmp");

    /// <summary>The default: <c>PREVIZ_DATA</c> if set, else <c>$XDG_DATA_HOME/previz</c> or <c>~/.local/share/previz</c>.</summary>
    public static string DefaultRoot(string? previzData)
    {
        if (!string.IsNullOrWhiteSpace(previzData))
        {
            return previzData;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDir = !string.IsNullOrWhiteSpace(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(baseDir, "previz");
    }

    /// <summary>Creates the folders.</summary>
    public void Create()
    {
        foreach (var dir in new[] { Root, Media, Scenes, Meshes, Images, Temp })
        {
            Directory.CreateDirectory(dir);
        }
    }

    /// <summary>Absolute path of a path stored relative to the root; refuses anything that leaves the folder.</summary>
    public string Resolve(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException("A stored path points outside the data folder.");
    }

    /// <summary>The path relative to the root, as stored in records.</summary>
    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath);
}
