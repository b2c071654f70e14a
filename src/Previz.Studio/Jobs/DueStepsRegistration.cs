using Hangfire;
using Microsoft.Extensions.Hosting;
using Previz.Studio.Hosting;

namespace Previz.Studio.Jobs;

/// <summary>
/// Registers the recurring Hangfire job that runs due status polls and recovers stalled steps. Every worker process
/// registers the same id, so there is one such job however many processes share the store.
/// </summary>
public sealed class DueStepsRegistration : IHostedService
{
    public const string RecurringJobId = "generation-due-steps";

    private readonly IRecurringJobManager _recurring;
    private readonly JobOptions _options;

    public DueStepsRegistration(IRecurringJobManager recurring, StudioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _recurring = recurring;
        _options = options.Jobs;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var every = Math.Clamp(_options.DueStepsEverySeconds, 1, 59);
        // Cron with a seconds field: Hangfire's scheduler looks for due recurring jobs every SchedulePollingInterval.
        var cron = every == 1 ? "* * * * * *" : $"*/{every} * * * * *";
        _recurring.AddOrUpdate<GenerationJobs>(
            RecurringJobId,
            JobQueues.Hosted,
            j => j.RunDueStepsAsync(CancellationToken.None),
            cron,
            new RecurringJobOptions { MisfireHandling = MisfireHandlingMode.Ignorable });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
