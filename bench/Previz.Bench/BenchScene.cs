using Previz.Core.Loading;
using Previz.Core.Scenes;

namespace Previz.Bench;

/// <summary>
/// The scene the benchmark renders: samples/stadium.previz.json from the repository (found from the current folder
/// upwards), or a stand-in built in code when run outside it.
/// </summary>
internal static class BenchScene
{
    public static (SceneDocument Scene, string Source) Load(string? path)
    {
        path ??= FindSample();
        if (path is null)
        {
            return (StadiumScene.Build(), "built-in stadium stand-in");
        }

        return (SceneReader.Read(File.ReadAllText(path)).Scene, path);
    }

    private static string? FindSample()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "stadium.previz.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
