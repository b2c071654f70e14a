using Microsoft.Extensions.Hosting;
using Previz.Studio.Hosting;

namespace Previz.Studio.Scenes;

/// <summary>Stores the sample scenes on start when <c>Studio:LoadSamples</c> is set (after the migrations, registered after them).</summary>
public sealed class SampleSeeder : IHostedService
{
    private readonly StudioOptions _options;
    private readonly SampleLibrary _samples;

    public SampleSeeder(StudioOptions options, SampleLibrary samples)
    {
        _options = options;
        _samples = samples;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.LoadSamples)
        {
            await _samples.StoreAllAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
