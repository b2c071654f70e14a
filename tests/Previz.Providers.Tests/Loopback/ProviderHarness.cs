using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Previz.Providers.Configuration;
using Previz.Providers.Fal;
using Previz.Providers.Hosting;
using Previz.Providers.Luma;
using Previz.Providers.Runway;
using Previz.Testing;

namespace Previz.Providers.Tests.Loopback;

/// <summary>The providers wired by <c>AddPrevizProviders</c> against a loopback vendor, with short delays.</summary>
public sealed class ProviderHarness : IAsyncDisposable
{
    public const string FalKey = "fal-test-key-0123456789abcdef";
    public const string RunwayKey = "key_runway_test_fedcba9876543210";
    public const string LumaKey = "luma-test-key-5566778899";

    /// <summary>Kling 2.1 Pro image-to-video: an endpoint id with a path below owner/app, as most fal ids have.</summary>
    public const string FalEndpoint = "fal-ai/kling-video/v2.1/pro/image-to-video";

    /// <summary>The id the vendor gives every submit in these tests.</summary>
    public const string FalRequestId = "764cabcf-b745-4b3e-ae38-1200304cf45b";

    /// <summary>Where fal's answers put the request: under owner/app only.</summary>
    public const string FalAppPath = "/queue/fal-ai/kling-video/requests/" + FalRequestId;

    public const string FalSubmitPath = "/queue/" + FalEndpoint;

    /// <summary>Where the vendor serves the request's result file.</summary>
    public const string FalMediaPath = "/files/" + FalRequestId + ".mp4";

    private readonly ServiceProvider _services;

    private ProviderHarness(LoopbackVendor vendor, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Vendor = vendor;
        _services = services;
        Logs = logs;
    }

    public LoopbackVendor Vendor { get; }

    public CapturingLoggerProvider Logs { get; }

    public FalQueueClient Fal => _services.GetRequiredService<FalQueueClient>();

    public RunwayClient Runway => _services.GetRequiredService<RunwayClient>();

    public LumaClient Luma => _services.GetRequiredService<LumaClient>();

    public HostedJobWaiter Waiter => _services.GetRequiredService<HostedJobWaiter>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ProviderHarness> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var vendor = await LoopbackVendor.StartAsync();
        vendor.NewRequestId = () => FalRequestId;
        vendor.QueuePosition = 3;
        var settings = new Dictionary<string, string?>(vendor.ProviderSettings)
        {
            ["FAL_KEY"] = FalKey,
            ["RUNWAYML_API_SECRET"] = RunwayKey,
            ["LUMA_AGENTS_API_KEY"] = LumaKey,
            // Generous enough for a loaded 2-core CI machine; tests of timeouts set their own.
            ["Providers:Http:AttemptTimeout"] = "00:00:05",
            ["Providers:Http:TotalTimeout"] = "00:00:20",
            ["Providers:Http:SubmitTimeout"] = "00:00:10",
            ["Providers:Http:DownloadTimeout"] = "00:00:10",
            ["Providers:Http:MaxRetryAttempts"] = "3",
            ["Providers:Http:RetryBaseDelay"] = "00:00:00.010",
            ["Providers:Http:MaxRetryDelay"] = "00:00:03",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddPrevizProviders(configuration)
            .BuildServiceProvider();
        return new ProviderHarness(vendor, services, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Vendor.DisposeAsync();
    }
}
