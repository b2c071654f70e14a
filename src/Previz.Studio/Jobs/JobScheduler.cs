using Hangfire;
using Previz.Studio.Hosting;

namespace Previz.Studio.Jobs;

/// <summary>Puts a generation's next step on the right Hangfire queue, now or after a delay.</summary>
public sealed class JobScheduler
{
    private readonly IBackgroundJobClient _client;
    private readonly DuePollDispatcher? _dispatcher;
    private readonly TimeSpan _fallbackSlack;

    /// <param name="dispatcher">Only in processes that run workers; without it a delayed step is a plain Hangfire delayed job.</param>
    public JobScheduler(IBackgroundJobClient client, StudioOptions options, DuePollDispatcher? dispatcher = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _dispatcher = dispatcher;
        _fallbackSlack = options.Jobs.PollFallbackSlack;
    }

    public void Enqueue(Guid id, bool render)
    {
        if (render)
        {
            _client.Enqueue<GenerationJobs>(j => j.RenderStepAsync(id, CancellationToken.None));
        }
        else
        {
            _client.Enqueue<GenerationJobs>(j => j.HostedStepAsync(id, CancellationToken.None));
        }
    }

    public void Schedule(Guid id, bool render, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Enqueue(id, render);
        }
        else if (render)
        {
            _client.Schedule<GenerationJobs>(j => j.RenderStepAsync(id, CancellationToken.None), delay);
        }
        else if (_dispatcher is null)
        {
            _client.Schedule<GenerationJobs>(j => j.HostedStepAsync(id, CancellationToken.None), delay);
        }
        else
        {
            // The durable job is written first and runs well after the timer: it polls only when the timer's copy was
            // lost (a crash); otherwise it finds the poll done (GenerationRecord.NextPollAt) and does nothing.
            _client.Schedule<GenerationJobs>(j => j.HostedStepAsync(id, CancellationToken.None), delay + (delay > _fallbackSlack ? delay : _fallbackSlack));
            _dispatcher.Add(id, delay);
        }
    }
}
