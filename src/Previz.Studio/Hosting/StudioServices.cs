using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Previz.Providers.Configuration;
using Previz.Studio.Compare;
using Previz.Studio.Components.Visualizer;
using Previz.Studio.Events;
using Previz.Studio.Gallery;
using Previz.Studio.Images;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Planning;
using Previz.Studio.Scenes;
using Previz.Studio.Security;

namespace Previz.Studio.Hosting;

/// <summary>Registers everything a studio process needs: stores, jobs and their Hangfire servers, vendor clients.</summary>
public static class StudioServices
{
    /// <summary>Reads <see cref="StudioOptions"/> from configuration and the <c>PREVIZ_*</c> variables.</summary>
    public static StudioOptions ReadOptions(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new StudioOptions();
        configuration.GetSection(StudioOptions.SectionName).Bind(options);
        options.DataFolder = DataFolder.DefaultRoot(FirstNonEmpty(configuration["PREVIZ_DATA"], options.DataFolder));
        options.Database = FirstNonEmpty(configuration["PREVIZ_DATABASE"], options.Database);
        options.Token = FirstNonEmpty(configuration["PREVIZ_TOKEN"], options.Token);
        return options;
    }

    public static IServiceCollection AddPrevizStudio(this IServiceCollection services, IConfiguration configuration, StudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = new DataFolder(options.DataFolder);
        folder.Create();
        services.AddSingleton(options);
        services.AddSingleton(folder);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StudioDatabase>();
        services.AddSingleton<GenerationEvents>();
        services.AddSingleton<GenerationChangeLog>();
        services.AddSingleton<GenerationStore>();
        services.AddSingleton<ParsedSceneCache>();
        services.AddSingleton<SceneStore>();
        services.AddSingleton<MeshStore>();
        services.AddSingleton<MediaStore>();
        services.AddSingleton<GalleryService>();
        services.AddSingleton<SecretRedactor>();
        services.AddSingleton<JobScheduler>();
        services.AddSingleton<CreateLimiter>();
        services.AddSingleton<GenerationService>();
        services.AddSingleton<ShotPlanningService>();
        services.AddSingleton<CompareService>();
        services.AddSingleton<ImageStore>();
        services.AddSingleton<Sequences.DirectRenderTakes>();
        services.AddSingleton<Sequences.SequenceService>();
        services.AddSingleton<Sequences.SequenceExports>();
        services.AddSingleton<Reviews.ReviewService>();
        // One set of visualizer frame slots per circuit: the gallery's "Use as start frame" fills the panel's slot.
        services.AddScoped<FrameSlots>();
        services.AddSingleton<PipelinePlanner>();
        services.TryAddSingleton<IResultFinisher, PipelineFinisher>();
        services.AddSingleton<ClipAdherence>();
        services.AddTransient<GenerationJobs>();
        services.AddPrevizProviders(configuration);
        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<ReferenceImageStore>();
        services.AddSingleton<SampleLibrary>();
        services.AddHostedService<SampleSeeder>();

        var jobs = options.Jobs;
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (options.UsesPostgres)
            {
                config.UsePostgreSqlStorage(
                    o => o.UseNpgsqlConnection(options.Database),
                    new PostgreSqlStorageOptions
                    {
                        QueuePollInterval = jobs.PollingInterval,
                        InvisibilityTimeout = jobs.InvisibilityTimeout,
                        // Sliding invisibility left a killed worker's fetched jobs invisible for minutes in the
                        // scale-out test (Hangfire.PostgreSql issue #381 reports the same); a plain timeout brings them
                        // back after InvisibilityTimeout, and the generation lease (renewed while a step runs) keeps a
                        // long step that outlives it from running twice.
                        UseSlidingInvisibilityTimeout = false,
                        // A lock row outlives a worker killed while holding it (the delayed-job scheduler's, a job's
                        // state lock) until this runs out: at the default 10 minutes one killed worker stalled every
                        // poll of the scale-out test. Hangfire holds these locks for milliseconds.
                        DistributedLockTimeout = Max(TimeSpan.FromSeconds(30), jobs.Lease),
                        PrepareSchemaIfNecessary = true,
                        SchemaName = "hangfire",
                    });
            }
            else
            {
                // The storage writes each row in its own transaction (a job's life is ~30 of them); with the default
                // synchronous=FULL each waited for an fsync, and the queue of 500 jobs crawled at the disk's pace.
                // NORMAL in WAL mode survives a crash of the process and never corrupts the file; a power cut can lose
                // the last moments of queue changes. The records' one costly-to-lose write stays durable (see
                // SqliteSynchronousInterceptor).
                var hangfirePath = folder.HangfireDatabase;
                var connections = new SQLiteDbConnectionFactory(() =>
                {
                    var connection = new SQLite.SQLiteConnection(
                        hangfirePath,
                        SQLite.SQLiteOpenFlags.ReadWrite | SQLite.SQLiteOpenFlags.Create | SQLite.SQLiteOpenFlags.FullMutex,
                        storeDateTimeAsTicks: true)
                    {
                        BusyTimeout = TimeSpan.FromSeconds(10),
                    };
                    connection.ExecuteScalar<string>("PRAGMA journal_mode=WAL;");
                    connection.Execute("PRAGMA synchronous=NORMAL;");
                    return connection;
                });
                config.UseSQLiteStorage(connections, new SQLiteStorageOptions
                {
                    QueuePollInterval = jobs.PollingInterval,
                    InvisibilityTimeout = jobs.InvisibilityTimeout,
                });
            }
        });

        if (jobs.RunWorkers)
        {
            services.AddHostedService<DueStepsRegistration>();
            var name = $"{Environment.MachineName}:{Environment.ProcessId}";
            // Direct Render is CPU-bound: its own few workers, apart from the hosted steps' many short network calls.
            services.AddHangfireServer(o =>
            {
                o.ServerName = name + ":render";
                o.Queues = [JobQueues.Render];
                o.WorkerCount = Math.Max(1, jobs.RenderWorkers);
                // Every server runs Hangfire's schedulers; the hosted server's, on the short interval, do that work.
                o.SchedulePollingInterval = Max(jobs.PollingInterval, TimeSpan.FromSeconds(30));
                o.ServerCheckInterval = TimeSpan.FromSeconds(30);
            });
            services.AddHangfireServer(o =>
            {
                o.ServerName = name + ":hosted";
                o.Queues = [JobQueues.Hosted];
                o.WorkerCount = Math.Max(1, jobs.HostedWorkers);
                // Also how often due recurring jobs (the poll of due generations) and retries are put on the queue.
                o.SchedulePollingInterval = jobs.PollingInterval;
                o.ServerCheckInterval = TimeSpan.FromSeconds(30);
            });
        }

        return services;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
