using Hangfire;

namespace Previz.Studio.Jobs;

/// <summary>Puts a generation's next step on the right Hangfire queue, now or after a delay.</summary>
public sealed class JobScheduler
{
    private readonly IBackgroundJobClient _client;

    public JobScheduler(IBackgroundJobClient client) => _client = client;

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
        else
        {
            _client.Schedule<GenerationJobs>(j => j.HostedStepAsync(id, CancellationToken.None), delay);
        }
    }
}
