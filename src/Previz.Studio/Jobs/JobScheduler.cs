using Hangfire;
using Previz.Studio.Hosting;

namespace Previz.Studio.Jobs;

/// <summary>
/// Puts a generation's next step on the right Hangfire queue, now or after a delay. Where hosted steps run
/// in-process (<see cref="InProcessStepRunner"/>), the Hangfire job is the step's durable copy, due later.
/// </summary>
public sealed class JobScheduler
{
    private readonly IBackgroundJobClient _client;
    private readonly InProcessStepRunner? _runner;
    private readonly TimeSpan _slack;

    /// <param name="runner">Only where hosted steps run in-process; without it every step is a plain Hangfire job.</param>
    public JobScheduler(IBackgroundJobClient client, StudioOptions options, InProcessStepRunner? runner = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _runner = runner;
        _slack = options.Jobs.DurableCopySlack;
    }

    public void Enqueue(Guid id, bool render) => Schedule(id, render, TimeSpan.Zero);

    public void Schedule(Guid id, bool render, TimeSpan delay)
    {
        if (render)
        {
            // Direct Render is CPU-bound: its own queue's few workers take it.
            if (delay <= TimeSpan.Zero)
            {
                _client.Enqueue<GenerationJobs>(j => j.RenderStepAsync(id, CancellationToken.None));
            }
            else
            {
                _client.Schedule<GenerationJobs>(j => j.RenderStepAsync(id, CancellationToken.None), delay);
            }
        }
        else if (_runner is null)
        {
            if (delay <= TimeSpan.Zero)
            {
                _client.Enqueue<GenerationJobs>(j => j.HostedStepAsync(id, CancellationToken.None));
            }
            else
            {
                _client.Schedule<GenerationJobs>(j => j.HostedStepAsync(id, CancellationToken.None), delay);
            }
        }
        else
        {
            // The durable copy is written first, so a crash at any point after leaves the step to it.
            var positive = delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
            _client.Schedule<GenerationJobs>(j => j.HostedStepAsync(id, CancellationToken.None), positive + (positive > _slack ? positive : _slack));
            _runner.Run(id, positive);
        }
    }
}
