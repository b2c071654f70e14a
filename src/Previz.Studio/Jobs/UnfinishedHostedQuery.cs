using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>The hosted generations that still have a step to run: the ones a restart resumes and a sweep may recover.</summary>
public static class UnfinishedHostedQuery
{
    public static IQueryable<GenerationRecord> UnfinishedHosted(this IQueryable<GenerationRecord> generations) =>
        generations.Where(g => g.Kind == GenerationKind.Hosted
            && (g.State == GenerationState.Queued || g.State == GenerationState.Submitting || g.State == GenerationState.Running || g.State == GenerationState.Fetching));
}
