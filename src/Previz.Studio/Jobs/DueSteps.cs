using Previz.Studio.Persistence;

namespace Previz.Studio.Jobs;

/// <summary>
/// What the records say is due, for the recurring <see cref="GenerationJobs.RunDueStepsAsync"/>: the status polls
/// whose time has come (or whose generation is to be canceled), and the steps nobody has run for too long.
/// </summary>
public static class DueSteps
{
    /// <summary>
    /// Hosted generations at the vendor (or whose clip was being fetched) with no live lease whose next poll is due, or
    /// that are to be canceled. A fetch that failed, or whose worker died, is polled again for the result's address.
    /// </summary>
    public static IQueryable<GenerationRecord> PollsDue(this IQueryable<GenerationRecord> generations, DateTime now) =>
        generations.Where(g => g.Kind == GenerationKind.Hosted && (g.State == GenerationState.Running || g.State == GenerationState.Fetching) && g.SubmittedJobJson != null
            && (g.LeaseOwner == null || g.LeaseExpiresAt == null || g.LeaseExpiresAt < now)
            && (g.CancelRequested || g.NextPollAt == null || g.NextPollAt <= now));

    /// <summary>
    /// Unfinished generations with no live lease whose state has not changed since <paramref name="stale"/> and that
    /// no poll picks up: a Hangfire job lost with a killed worker, a step whose retries ran out, a process that died
    /// mid-render. Hosted generations at the vendor or fetching are not here: their due poll resumes them.
    /// </summary>
    public static IQueryable<GenerationRecord> Stalled(this IQueryable<GenerationRecord> generations, DateTime now, DateTime stale) =>
        generations.Where(g => (g.State == GenerationState.Queued || g.State == GenerationState.Submitting
                || (g.Kind == GenerationKind.DirectRender && (g.State == GenerationState.Running || g.State == GenerationState.Fetching)))
            && (g.LeaseOwner == null || g.LeaseExpiresAt == null || g.LeaseExpiresAt < now)
            && g.UpdatedAt < stale);
}
