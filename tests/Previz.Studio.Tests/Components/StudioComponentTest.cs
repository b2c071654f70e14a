using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Events;
using Previz.Studio.Hosting;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Planning;
using Previz.Studio.Scenes;

namespace Previz.Studio.Tests.Components;

/// <summary>
/// A bunit context with the studio's real services (no job workers) on a temporary data folder holding the stadium
/// sample: components read and write the same stores the server does.
/// </summary>
public abstract class StudioComponentTest : BunitContext, IAsyncLifetime
{
    protected StudioComponentTest()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "previz-component-tests", Guid.NewGuid().ToString("N"));
        // Only these settings: no vendor key reaches the test, whatever the machine's environment holds.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PREVIZ_DATA"] = DataFolder, ["Studio:Jobs:RunWorkers"] = "false" })
            .Build();
        Services.AddLogging();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddPrevizStudio(configuration, StudioServices.ReadOptions(configuration));
        // InputFile initialises itself through JS interop.
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private GenerationChangeRelay? _relay;

    protected string DataFolder { get; }

    /// <summary>The uploaded stadium scene (shots "establishing", 8 s, and "breakaway", 4 s).</summary>
    protected SceneRecord Scene { get; private set; } = default!;

    protected GenerationService Generations => Services.GetRequiredService<GenerationService>();

    public async Task InitializeAsync()
    {
        await Services.GetRequiredService<StudioDatabase>().MigrateAsync(CancellationToken.None);
        // Events reach subscribers only through the change relay, which a serve process runs as a hosted service.
        _relay = ActivatorUtilities.CreateInstance<GenerationChangeRelay>(Services);
        await _relay.StartAsync(CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "stadium.previz.json"));
        (Scene, _) = await Services.GetRequiredService<SceneStore>().AddAsync(bytes, "stadium.previz.json", CancellationToken.None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_relay is not null)
        {
            await _relay.StopAsync(CancellationToken.None);
        }

        await DisposeAsync();
        try
        {
            Directory.Delete(DataFolder, true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A queued Direct Render of a shot (nothing runs it: there are no workers).</summary>
    protected Task<GenerationRecord> CreateDirectRenderAsync(string shotId) =>
        Generations.CreateAsync(new ShotChoices { SceneId = Scene.Id, ShotId = shotId }, CancellationToken.None);
}
