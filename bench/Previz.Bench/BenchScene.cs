using Previz.Core.Scenes;

namespace Previz.Bench;

/// <summary>The scene the benchmark renders: the stadium sample's stand-in built in code.</summary>
internal static class BenchScene
{
    public static SceneDocument Load() => StadiumScene.Build();
}
