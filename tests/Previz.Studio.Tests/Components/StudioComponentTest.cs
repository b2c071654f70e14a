using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Events;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Planning;
using Previz.Studio.Scenes;

namespace Previz.Studio.Tests.Components;

/// <summary>
/// A <see cref="StudioComponentContext"/> holding the stadium sample, with the change relay that a serve process runs
/// so that components hear of generations as they change.
/// </summary>
public abstract class StudioComponentTest : StudioComponentContext, IAsyncLifetime
{
    private GenerationChangeRelay? _relay;

    /// <summary>The uploaded stadium scene (shots "establishing", 8 s, and "breakaway", 4 s).</summary>
    protected SceneRecord Scene { get; private set; } = default!;

    protected GenerationService Generations => Services.GetRequiredService<GenerationService>();

    public async Task InitializeAsync()
    {
        // Events reach subscribers only through the change relay, which a serve process runs as a hosted service.
        _relay = ActivatorUtilities.CreateInstance<GenerationChangeRelay>(Services);
        await _relay.StartAsync(CancellationToken.None);
        (Scene, _) = await Store.AddAsync(StadiumBytes(), "stadium.previz.json", CancellationToken.None);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (_relay is not null)
        {
            await _relay.StopAsync(CancellationToken.None);
        }

        await DisposeAsync();
        DeleteDataRoot();
    }

    /// <summary>A queued Direct Render of a shot (nothing runs it: there are no workers).</summary>
    protected Task<GenerationRecord> CreateDirectRenderAsync(string shotId) =>
        Generations.CreateAsync(new ShotChoices { SceneId = Scene.Id, ShotId = shotId }, CancellationToken.None);
}
