namespace Previz.Studio.Jobs;

/// <summary>
/// Turns a user's request into a vendor request. The generation pipeline (<c>GenerationPlanner</c>) implements it;
/// the studio never maps options to vendor fields itself.
/// </summary>
public interface IHostedGenerationPlanner
{
    /// <exception cref="Previz.Core.UserErrorException">The request cannot be served (unknown model, unsupported option, missing key).</exception>
    Task<HostedPlan> PlanAsync(HostedGenerationInput input, CancellationToken cancellationToken);
}
