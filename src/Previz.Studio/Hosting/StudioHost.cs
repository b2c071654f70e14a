using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Previz.Studio.Api;
using Previz.Studio.Jobs;
using Previz.Studio.Reviews;
using Previz.Studio.Security;

namespace Previz.Studio.Hosting;

/// <summary>Builds the two kinds of studio process: <c>serve</c> (web + API + workers) and <c>worker</c> (workers only).</summary>
public static class StudioHost
{
    /// <summary>The default address: loopback only.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>
    /// The web host. <paramref name="configure"/> runs before the services are built (tests swap the server for a
    /// test server, or replace a service).
    /// </summary>
    public static WebApplication BuildServe(string[] args, string? urls, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(StudioHost).Assembly.GetName().Name });
        QuietLogDefaults.Apply(builder.Configuration);
        var options = StudioServices.ReadOptions(builder.Configuration);
        builder.WebHost.UseUrls(urls ?? builder.Configuration["urls"] ?? DefaultUrls);
        var assets = StaticAssetsManifest.Find();
        if (assets.Runtime is not null)
        {
            // From a build (not a publish) the files are found through the runtime manifest, which points at the sources.
            builder.WebHost.UseSetting(WebHostDefaults.StaticWebAssetsKey, assets.Runtime);
            builder.WebHost.UseStaticWebAssets();
        }
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(Math.Max(options.SceneUploadLimitBytes, options.ImageUploadLimitBytes), options.AudioUploadLimitBytes) + 1);
        builder.Services.AddPrevizStudio(builder.Configuration, options);
        // Only serve has subscribers (the event stream, the studio): it relays every process's changes to them.
        builder.Services.AddHostedService<Events.GenerationChangeRelay>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddOpenApi();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.PropertyNamingPolicy = StudioJson.Options.PropertyNamingPolicy;
            json.SerializerOptions.DefaultIgnoreCondition = StudioJson.Options.DefaultIgnoreCondition;
            foreach (var converter in StudioJson.Options.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        // Every answer is what its Content-Type says: a browser never sniffs an upload served as an image into HTML.
        app.Use((context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RangeUnits.IgnoreUnknownAsync);
        if (!string.IsNullOrWhiteSpace(options.Token))
        {
            app.UseMiddleware<TokenMiddleware>(options.Token);
        }
        else
        {
            app.Use(BindingGuard.RefuseBeyondLoopbackAsync);
        }

        app.UseAntiforgery();
        if (assets.Endpoints is not null)
        {
            app.MapStaticAssets(assets.Endpoints);
        }

        app.MapRazorComponents<Components.App>().AddInteractiveServerRenderMode();
        app.MapOpenApi();
        app.MapStudioApi();
        app.MapReviewPages();
        app.MapGet("/health", (Persistence.StudioDatabase db) => Results.Ok(new { status = "ok", database = db.ProviderName })).ExcludeFromDescription();
        return app;
    }

    /// <summary>A worker process: no web server, just the job servers on the shared stores.</summary>
    public static IHost BuildWorker(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ApplicationName = typeof(StudioHost).Assembly.GetName().Name });
        QuietLogDefaults.Apply(builder.Configuration);
        var options = StudioServices.ReadOptions(builder.Configuration);
        builder.Services.AddPrevizStudio(builder.Configuration, options);
        configure?.Invoke(builder);
        return builder.Build();
    }
}
