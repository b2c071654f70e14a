using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace Previz.Studio.Jobs;

/// <summary>
/// Keeps a finished job's record for a minute instead of Hangfire's day: a recurring job that runs every second would
/// otherwise leave 86,400 records a day in the job store.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ShortLivedJobAttribute : JobFilterAttribute, IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.JobExpirationTimeout = TimeSpan.FromMinutes(1);
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
