using System.Text.Json.Nodes;
using Previz.Core.Loading;
using Previz.Core.Scenes;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Testing;

namespace Previz.Rendering.Tests.Adherence;

/// <summary>
/// The stadium and product turntable samples' shots rendered once with Direct Render (shaded, 1k), and copies of them
/// made with ffmpeg's filters as a test asks: nothing is committed, everything is made here.
/// </summary>
public sealed class AdherenceClips : IAsyncLifetime
{
    private readonly Dictionary<string, Task<string>> _made = [];
    private readonly Lock _lock = new();

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "previz-adherence-tests", Guid.NewGuid().ToString("N"));

    public SceneDocument Stadium { get; private set; } = null!;

    public SceneDocument Turntable { get; private set; } = null!;

    /// <summary>The turntable sample with its camera circling the product instead of holding still: another camera path of the same scene.</summary>
    public SceneDocument CirclingTurntable { get; private set; } = null!;

    public Shot Shot(string id) => Stadium.FindShot(id) ?? Turntable.FindShot(id)!;

    /// <summary>The scene that holds the shot.</summary>
    public SceneDocument SceneOf(string shot) => Stadium.FindShot(shot) is not null ? Stadium : Turntable;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Stadium = SceneReader.Read(await File.ReadAllTextAsync(Sample("stadium.previz.json"))).Scene;
        var turntable = await File.ReadAllTextAsync(Sample("product-turntable.previz.json"));
        Turntable = SceneReader.Read(turntable).Scene;
        var circling = JsonNode.Parse(turntable)!;
        circling["cameras"]![0]!["animation"] = JsonNode.Parse("""
            {"position": [{"time": 0, "value": [0, 0.45, 1.4]}, {"time": 3, "value": [1.0, 0.6, 1.0]}, {"time": 6, "value": [1.4, 0.45, 0]}]}
            """);
        CirclingTurntable = SceneReader.Read(circling.ToJsonString()).Scene;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The shot's own Direct Render.</summary>
    public Task<string> RenderAsync(string shot) => Once($"{shot}.mp4", async path =>
        await DirectRenderer.RenderToMp4Async(SceneOf(shot), Shot(shot), RenderPass.Shaded, ResolutionPreset.OneK, path));

    /// <summary>The turntable shot rendered from <see cref="CirclingTurntable"/>'s camera.</summary>
    public Task<string> CirclingRenderAsync() => Once("turntable-circling.mp4", async path =>
        await DirectRenderer.RenderToMp4Async(CirclingTurntable, CirclingTurntable.FindShot("turntable")!, RenderPass.Shaded, ResolutionPreset.OneK, path));

    /// <summary>The shot's render re-encoded with ffmpeg output <paramref name="options"/>, named <paramref name="kind"/>.</summary>
    public Task<string> VariantAsync(string shot, string kind, params string[] options) => Once($"{shot}-{kind}.mp4", async path =>
        await TestClip.TransformAsync(await RenderAsync(shot), path, options));

    private Task<string> Once(string name, Func<string, Task> make)
    {
        lock (_lock)
        {
            if (!_made.TryGetValue(name, out var task))
            {
                var path = Path.Combine(Folder, name);
                task = Task.Run(async () =>
                {
                    await make(path);
                    return path;
                });
                _made[name] = task;
            }

            return task;
        }
    }

    private static string Sample(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Previz.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Previz.slnx not found above the test folder"), "samples", name);
    }
}
