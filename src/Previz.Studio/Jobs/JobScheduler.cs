using System.Linq.Expressions;
using Hangfire;

namespace Previz.Studio.Jobs;

/// <summary>
/// Puts a generation's next step on the right Hangfire queue, now or after a delay, or, where hosted steps run
/// in-process, hands it to the <see cref="InProcessStepRunner"/>.
/// </summary>
public sealed class JobScheduler
{
    private readonly IBackgroundJobClient _client;
    private readonly InProcessStepRunner? _runner;

    /// <param name="runner">Only where hosted steps run in-process; without it every step is a plain Hangfire job.</param>
    public JobScheduler(IBackgroundJobClient client, InProcessStepRunner? runner = null)
    {
        _client = client;
        _runner = runner;
    }

    public void Enqueue(Guid id, bool render) => Schedule(id, render, TimeSpan.Zero);

    public void Schedule(Guid id, bool render, TimeSpan delay)
    {
        if (!render && _runner is not null)
        {
            // No Hangfire job: the records say what is due, and the runner recovers what a crash or failure left.
            _runner.Run(id, delay);
            return;
        }

        // Each step method names its queue: Direct Render (CPU-bound) goes to its own few workers.
        Expression<Func<GenerationJobs, Task>> step = render
            ? j => j.RenderStepAsync(id, CancellationToken.None)
            : j => j.HostedStepAsync(id, CancellationToken.None);
        if (delay <= TimeSpan.Zero)
        {
            _client.Enqueue(step);
        }
        else
        {
            _client.Schedule(step, delay);
        }
    }
}
