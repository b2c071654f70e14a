using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Previz.Core.Catalog;
using Previz.Providers.ComfyUI;
using Previz.Providers.Fal;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Providers.Http;
using Previz.Providers.Luma;
using Previz.Providers.Runway;
using Previz.Rendering.Video;

namespace Previz.Providers.Configuration;

/// <summary>Registers the hosted model clients.</summary>
public static class ProviderServiceCollectionExtensions
{
    /// <summary>
    /// Adds the fal, Runway, Luma and ComfyUI clients (<see cref="IHostedVideoClient"/>, <see cref="HostedVideoClients"/>),
    /// <see cref="ProviderKeys"/>, <see cref="HostedJobWaiter"/>, their options from <paramref name="configuration"/>
    /// (<c>Providers:Fal</c>, <c>Providers:Runway</c>, <c>Providers:Luma</c>, <c>Providers:ComfyUI</c>, <c>Providers:Http</c>) and three resilient
    /// HttpClients, <see cref="MediaTool"/> (every ffmpeg/ffprobe process), and the generation pipeline
    /// (<see cref="GenerationPlanner"/>, <see cref="GenerationFinisher"/>,
    /// <see cref="GenerationRunner"/>) over <see cref="ModelCatalog.Default"/> unless a catalog is registered first. The HttpClients: API calls retried on 429/5xx with Retry-After and jittered backoff, submits never retried once
    /// sent, media downloads retried and never given credentials.
    /// </summary>
    public static IServiceCollection AddPrevizProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.Configure<FalOptions>(configuration.GetSection(FalOptions.SectionName));
        services.Configure<RunwayOptions>(configuration.GetSection(RunwayOptions.SectionName));
        services.Configure<LumaOptions>(configuration.GetSection(LumaOptions.SectionName));
        services.Configure<ComfyUIOptions>(configuration.GetSection(ComfyUIOptions.SectionName));
        services.Configure<ProviderHttpOptions>(configuration.GetSection(ProviderHttpOptions.SectionName));
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new ProviderKeys(configuration));

        AddClient(services, HttpClientNames.Api, (builder, options) =>
            builder
                .AddTimeout(options.TotalTimeout)
                .AddRetry(Retry(options, RetryClassifier.IsTransient, options.MaxRetryAttempts))
                .AddTimeout(options.AttemptTimeout));

        AddClient(services, HttpClientNames.Submit, (builder, options) =>
            builder
                .AddTimeout(options.SubmitTimeout + options.MaxRetryDelay)
                .AddRetry(Retry(options, RetryClassifier.IsDefinitiveRejectionWorthRetrying, Math.Min(options.MaxRetryAttempts, 2)))
                .AddTimeout(options.SubmitTimeout));

        AddClient(services, HttpClientNames.Media, (builder, options) =>
            builder
                .AddRetry(Retry(options, RetryClassifier.IsTransient, options.MaxRetryAttempts))
                .AddTimeout(options.DownloadTimeout));

        services.TryAddSingleton<FalQueueClient>();
        services.TryAddSingleton<RunwayClient>();
        services.TryAddSingleton<LumaClient>();
        services.TryAddSingleton<ComfyUIClient>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedVideoClient, FalQueueClient>(sp => sp.GetRequiredService<FalQueueClient>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedVideoClient, RunwayClient>(sp => sp.GetRequiredService<RunwayClient>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedVideoClient, LumaClient>(sp => sp.GetRequiredService<LumaClient>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedVideoClient, ComfyUIClient>(sp => sp.GetRequiredService<ComfyUIClient>()));
        services.TryAddSingleton<HostedVideoClients>();
        services.TryAddSingleton<HostedJobWaiter>();
        services.TryAddSingleton(ModelCatalog.Default);
        services.TryAddSingleton(sp => new GenerationPlanner(sp.GetRequiredService<ModelCatalog>(), sp.GetRequiredService<ProviderKeys>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(MediaTool.Default);
        services.TryAddSingleton(sp => new GenerationFinisher(sp.GetRequiredService<MediaTool>()));
        services.TryAddSingleton<GenerationRunner>();
        return services;
    }

    private static void AddClient(IServiceCollection services, string name, Action<ResiliencePipelineBuilder<HttpResponseMessage>, ProviderHttpOptions> pipeline)
    {
        services.AddHttpClient(name, client =>
            {
                // Timeouts belong to the resilience pipeline, per attempt and in total.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Vendors' signed and CDN URLs must not be followed into redirects that could carry headers elsewhere.
                AllowAutoRedirect = name == HttpClientNames.Media,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            // The factory's default logging prints full URLs, which include signed upload URLs: Previz logs its own events.
            .RemoveAllLoggers()
            .AddResilienceHandler(name, (builder, context) =>
                pipeline(builder, context.ServiceProvider.GetRequiredService<IOptions<ProviderHttpOptions>>().Value));
    }

    private static HttpRetryStrategyOptions Retry(ProviderHttpOptions options, Func<Outcome<HttpResponseMessage>, bool> shouldRetry, int attempts) => new()
    {
        MaxRetryAttempts = Math.Max(attempts, 1),
        Delay = options.RetryBaseDelay,
        MaxDelay = options.MaxRetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        // Retry-After from 429/503 answers is honoured (Microsoft.Extensions.Http.Resilience HttpRetryStrategyOptions).
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(shouldRetry(args.Outcome)),
    };
}
