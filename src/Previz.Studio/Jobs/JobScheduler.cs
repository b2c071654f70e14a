using Hangfire;

namespace Previz.Studio.Jobs;

/// <summary>
/// Puts a generation's next step on Hangfire: a Direct Render on the render queue, a hosted submit on the hosted queue.
/// Status polls and the downloads they lead to are not put here one by one: the recurring
/// <see cref="GenerationJobs.RunDueStepsAsync"/> runs every poll the records say is due.
/// </summary>
public sealed class JobScheduler
{
    private readonly IBackgroundJobClient _client;

    public JobScheduler(IBackgroundJobClient client)
    {
        _client = client;
    }

    /// <summary>The first step of a new generation of either kind.</summary>
    public void Start(Guid id, bool render)
    {
        if (render)
        {
            Render(id);
        }
        else
        {
            Submit(id);
        }
    }

    public void Render(Guid id) => _client.Enqueue<GenerationJobs>(j => j.RenderStepAsync(id, null, CancellationToken.None));

    public void Submit(Guid id) => _client.Enqueue<GenerationJobs>(j => j.SubmitStepAsync(id, null, CancellationToken.None));
}
