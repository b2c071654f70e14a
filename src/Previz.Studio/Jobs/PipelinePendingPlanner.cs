using Previz.Core;

namespace Previz.Studio.Jobs;

/// <summary>
/// Stands in until the generation pipeline is merged: hosted generations from a scene cannot be planned yet (raw vendor
/// requests still run when <c>Studio:AllowRawHostedRequests</c> is on).
/// </summary>
public sealed class PipelinePendingPlanner : IHostedGenerationPlanner
{
    public Task<HostedPlan> PlanAsync(HostedGenerationInput input, CancellationToken cancellationToken) =>
        throw new UserErrorException("Hosted generations from a scene need the generation pipeline, which this build does not include yet; use Direct Render.");
}
